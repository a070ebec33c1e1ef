"""Grid search over configs that repeat a lot, each distinct one simulated once."""

from functools import cache

SIMULATIONS = 0


@cache  # keyed on (lr, depth): floats and ints are hashable, dicts are not
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
    print(simulate.cache_info())
