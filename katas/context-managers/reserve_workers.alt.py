"""All or nothing by hand: a list of reserved workers, emptied as they are released."""


def reserve_workers(pool, names):
    reserved = []

    def release_all():
        while reserved:
            pool.release(reserved.pop())     # newest first; a second call finds nothing

    try:
        for name in names:
            reserved.append(pool.reserve(name))
        pool.warm_up(list(reserved))
    except BaseException:                    # Ctrl-C and cancellation must roll back too
        release_all()
        raise
    return list(reserved), release_all
