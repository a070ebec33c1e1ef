"""All or nothing: reserve several workers, hand them over only if every step worked.

reserve_workers(pool, names) reserves one worker per name (pool.reserve(name)),
then warms them all up (pool.warm_up(workers)). If anything fails, the workers
already reserved are released (pool.release(worker)), newest first, and the
exception reaches the caller. On success it returns (workers, release_all);
release_all() releases them, newest first, and a second call releases nothing.
"""


def reserve_workers(pool, names):
    workers = []
    for name in names:
        workers.append(pool.reserve(name))
    pool.warm_up(workers)

    def release_all():
        for worker in workers:
            pool.release(worker)

    return workers, release_all


class DemoPool:
    """A pool that prints what happens; "gpu-3" is always busy."""

    def reserve(self, name):
        if name == "gpu-3":
            raise RuntimeError(f"{name} is busy")
        print(f"reserve {name}")
        return name.upper()

    def warm_up(self, workers):
        print(f"warm up {workers}")

    def release(self, worker):
        print(f"release {worker}")


if __name__ == "__main__":
    pool = DemoPool()
    try:
        reserve_workers(pool, ["gpu-0", "gpu-1", "gpu-3"])
    except RuntimeError as error:
        print("failed:", error)          # GPU-1 and GPU-0 should be released first
    workers, release_all = reserve_workers(pool, ["gpu-0", "gpu-1"])
    print("training on", workers)
    release_all()                         # GPU-1, then GPU-0
    release_all()                         # nothing
