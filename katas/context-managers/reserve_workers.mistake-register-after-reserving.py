"""Wrong: every worker is reserved before any release is registered, so a failed reserve leaks the earlier ones."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = [pool.reserve(name) for name in names]
        for worker in workers:
            stack.callback(pool.release, worker)
        pool.warm_up(workers)
        held = stack.pop_all()
    return workers, held.close
