"""Wrong on purpose: only an Exception rolls back; Ctrl-C or a cancellation leaves the workers reserved."""


def reserve_workers(pool, names):
    reserved = []

    def release_all():
        while reserved:
            pool.release(reserved.pop())

    try:
        for name in names:
            reserved.append(pool.reserve(name))
        pool.warm_up(list(reserved))
    except Exception:
        release_all()
        raise
    return list(reserved), release_all
