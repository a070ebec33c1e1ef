"""The context manager as a class with __enter__/__exit__; the descriptor
keeps values under a private attribute name."""

ACTIVE_RUNS = {}


class Run:
    def __init__(self, name):
        self.name = name
        self.status = "running"
        self.metrics = {}


class tracked_run:
    def __init__(self, name):
        self.run = Run(name)

    def __enter__(self):
        ACTIVE_RUNS[self.run.name] = self.run
        print(f"run {self.run.name}: open")
        return self.run

    def __exit__(self, exc_type, exc, tb):
        self.run.status = "finished" if exc_type is None else "failed"
        ACTIVE_RUNS.pop(self.run.name, None)
        print(f"run {self.run.name}: closed ({self.run.status})")
        return False  # let any exception propagate


class Positive:
    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.private)

    def __set__(self, obj, value):
        if isinstance(value, (int, float)) and value > 0:
            setattr(obj, self.private, value)
        else:
            raise ValueError(f"{self.public}={value!r}: expected a number > 0")


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32):
        self.lr = lr
        self.batch_size = batch_size
