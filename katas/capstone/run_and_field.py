"""A tracked run that always closes, and a config that refuses nonsense.

tracked_run(name) registers a Run in ACTIVE_RUNS while the block runs.
When the block raises, the run stays registered and "running" forever,
and nothing is printed. Positive() is meant to accept only positive
numbers but accepts anything.
"""

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
    yield run
    run.status = "finished"
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
        obj.__dict__[self.name] = value  # TODO: validate


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
    print(TrainConfig(lr=-1).lr)
