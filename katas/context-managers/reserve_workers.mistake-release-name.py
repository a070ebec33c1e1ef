"""Wrong on purpose: the releases get the names, not the workers the pool handed out."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = []
        for name in names:
            workers.append(pool.reserve(name))
            stack.callback(pool.release, name)
        pool.warm_up(workers)
        return workers, stack.pop_all().close
