"""Wrong on purpose: workers are released in the order they were reserved."""


def reserve_workers(pool, names):
    reserved = []

    def release_all():
        while reserved:
            pool.release(reserved.pop(0))

    try:
        for name in names:
            reserved.append(pool.reserve(name))
        pool.warm_up(list(reserved))
    except BaseException:
        release_all()
        raise
    return list(reserved), release_all
