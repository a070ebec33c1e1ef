"""Wrong on purpose: the warm-up runs after the hand-over, so its failure releases nothing."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    with ExitStack() as stack:
        workers = []
        for name in names:
            worker = pool.reserve(name)
            stack.callback(pool.release, worker)
            workers.append(worker)
        held = stack.pop_all()
    pool.warm_up(workers)
    return workers, held.close
