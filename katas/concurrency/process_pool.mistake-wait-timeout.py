from concurrent.futures import ProcessPoolExecutor, wait


def grid_score(config):
    lr, depth = config
    total = 0.0
    for step in range(20_000):
        total += lr * (step % 97) / (depth + step % 7 + 1)
    return round(total, 6)


def run_in_processes(func, items, workers):
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(func, item) for item in items]
        wait(futures, timeout=1.0)
        for f in futures:
            f.cancel()
        return [f.result() for f in futures if f.done() and not f.cancelled()]


if __name__ == "__main__":
    grid = [(lr, depth) for lr in (0.1, 0.01) for depth in (2, 4, 8)]
    print(run_in_processes(grid_score, grid, workers=2))
