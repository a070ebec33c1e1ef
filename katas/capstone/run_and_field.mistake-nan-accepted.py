"""A tracked run that always closes, and a config that refuses nonsense."""

from contextlib import contextmanager

ACTIVE_RUNS = {}


class Run:
    def __init__(self, name):
        self.name = name
        self.status = "running"
        self.metrics = {}


@contextmanager
def tracked_run(name):
    run = Run(name)
    ACTIVE_RUNS[name] = run
    print(f"run {name}: open")
    try:
        yield run
    except BaseException:
        run.status = "failed"
        raise  # record the failure, never hide it
    else:
        run.status = "finished"
    finally:
        del ACTIVE_RUNS[name]
        print(f"run {name}: closed ({run.status})")


class Positive:
    """A data descriptor for fields that must hold a number greater than zero."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"{self.name} must be a positive number, got {value!r}")
        obj.__dict__[self.name] = value


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32):
        self.lr = lr
        self.batch_size = batch_size


if __name__ == "__main__":
    try:
        with tracked_run("r1") as run:
            raise RuntimeError("NaN loss")
    except RuntimeError:
        pass
    print(run.status, list(ACTIVE_RUNS))
    try:
        TrainConfig(lr=-1)
    except ValueError as err:
        print(err)
