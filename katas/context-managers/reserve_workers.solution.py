"""All or nothing with ExitStack: callback for each release, pop_all to hand them over."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = []
        for name in names:
            worker = pool.reserve(name)
            stack.callback(pool.release, worker)
            workers.append(worker)
        pool.warm_up(workers)
        # Everything worked: move the releases out of this stack, so leaving
        # the `with` releases nothing, and give the caller the new stack's close.
        return workers, stack.pop_all().close
