"""Wrong on purpose: each release is a lambda that reads `worker` when it runs, after the loop."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = []
        for name in names:
            worker = pool.reserve(name)
            stack.callback(lambda: pool.release(worker))
            workers.append(worker)
        pool.warm_up(workers)
        return workers, stack.pop_all().close
