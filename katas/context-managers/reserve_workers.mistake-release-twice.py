"""Wrong on purpose: release_all walks the list every time it is called."""


def reserve_workers(pool, names):
    workers = []

    def release_all():
        for worker in reversed(workers):
            pool.release(worker)

    try:
        for name in names:
            workers.append(pool.reserve(name))
        pool.warm_up(workers)
    except BaseException:
        release_all()
        raise
    return workers, release_all
