"""Score a hyperparameter grid on every core."""

from concurrent.futures import ProcessPoolExecutor


def grid_score(config):
    """A stand-in for training: a pure-Python loop over the config."""
    lr, depth = config
    total = 0.0
    for step in range(20_000):
        total += lr * (step % 97) / (depth + step % 7 + 1)
    return round(total, 6)


def run_in_processes(func, items, workers):
    """func(item) for every item, computed in `workers` worker processes."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, items))


if __name__ == "__main__":
    grid = [(lr, depth) for lr in (0.1, 0.01) for depth in (2, 4, 8)]
    print(run_in_processes(grid_score, grid, workers=2))
