"""Wrong on purpose: after the rollback the failure is swallowed and an empty reservation returned."""
from contextlib import ExitStack


def reserve_workers(pool, names):
    try:
        with ExitStack() as stack:
            workers = []
            for name in names:
                worker = pool.reserve(name)
                stack.callback(pool.release, worker)
                workers.append(worker)
            pool.warm_up(workers)
            return workers, stack.pop_all().close
    except Exception:
        return [], lambda: None
