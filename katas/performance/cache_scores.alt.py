"""A hand-written memo: a module-level dict keyed by a hashable tuple."""

SIMULATIONS = 0
_scores = {}


def simulate(lr, depth):
    global SIMULATIONS
    SIMULATIONS += 1
    loss = 1.0
    for step in range(5_000):
        loss *= 1 - lr / (1000 * depth + step % 5 + 1)
    return round(loss, 6)


def score(config):
    key = (config["lr"], config["depth"])
    if key not in _scores:
        _scores[key] = simulate(*key)
    return _scores[key]


def grid_search(configs):
    return [score(config) for config in configs]
