"""Score a hyperparameter grid on every core.

grid_score(config) is pure-Python arithmetic: with the GIL, threads take
turns on it. run_in_processes() must hand the work to worker processes.
The demo at the bottom runs whenever the module is imported, which is
every time a worker started by "spawn" (macOS, Windows) or "forkserver"
(Linux from Python 3.14) imports this module again.
"""

from concurrent.futures import ThreadPoolExecutor


def grid_score(config):
    """A stand-in for training: a pure-Python loop over the config."""
    lr, depth = config
    total = 0.0
    for step in range(20_000):
        total += lr * (step % 97) / (depth + step % 7 + 1)
    return round(total, 6)


def run_in_processes(func, items, workers):
    """func(item) for every item, computed in `workers` worker processes."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, items))


grid = [(lr, depth) for lr in (0.1, 0.01) for depth in (2, 4, 8)]
print(run_in_processes(grid_score, grid, workers=2))
