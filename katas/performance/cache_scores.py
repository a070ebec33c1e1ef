"""Grid search over configs that repeat a lot.

simulate() is expensive and pure: the same (lr, depth) always gives the
same loss. grid_search() still runs it again for every repeated config.
SIMULATIONS counts how many simulations really ran: keep that line.
"""

SIMULATIONS = 0


def simulate(lr, depth):
    """A full (pretend) training run. Expensive, and pure."""
    global SIMULATIONS
    SIMULATIONS += 1
    loss = 1.0
    for step in range(5_000):
        loss *= 1 - lr / (1000 * depth + step % 5 + 1)
    return round(loss, 6)


def score(config):
    """config is a dict such as {"lr": 0.01, "depth": 3}."""
    return simulate(config["lr"], config["depth"])


def grid_search(configs):
    """The score of every config, in order."""
    return [score(config) for config in configs]


if __name__ == "__main__":
    grid = [{"lr": lr, "depth": d} for lr in (0.1, 0.01) for d in (2, 4)] * 10
    print(grid_search(grid)[:4], "simulations:", SIMULATIONS)
