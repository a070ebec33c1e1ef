"""submit() every item, then read the futures in the order they were made."""

import concurrent.futures


def grid_score(config):
    """A stand-in for training: a pure-Python loop over the config."""
    lr, depth = config
    total = 0.0
    for step in range(20_000):
        total += lr * (step % 97) / (depth + step % 7 + 1)
    return round(total, 6)


def run_in_processes(func, items, workers):
    pool = concurrent.futures.ProcessPoolExecutor(workers)
    try:
        futures = [pool.submit(func, item) for item in items]
        return [f.result() for f in futures]
    finally:
        pool.shutdown(cancel_futures=True)


def main():
    grid = [(lr, depth) for lr in (0.1, 0.01) for depth in (2, 4, 8)]
    print(run_in_processes(grid_score, grid, workers=2))


if __name__ == "__main__":
    main()
