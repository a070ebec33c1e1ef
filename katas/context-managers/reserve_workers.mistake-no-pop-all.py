"""Wrong on purpose: the stack is closed when the function returns, so every worker is released at once."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = []
        for name in names:
            worker = pool.reserve(name)
            stack.callback(pool.release, worker)
            workers.append(worker)
        pool.warm_up(workers)
        return workers, stack.close
