"""The toolkit assembled from class-based pieces; run_experiment stacks the
decorators with @ syntax on a local function."""

import functools
import time


class retry:
    def __init__(self, times, on=(Exception,)):
        self.times = times
        self.on = on

    def __call__(self, func):
        times, on = self.times, self.on

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            attempt = 0
            while True:
                attempt += 1
                try:
                    return func(*args, **kwargs)
                except on as exc:
                    print("retry %s: attempt %d of %d failed (%s)" % (func.__name__, attempt, times, exc.__class__.__name__))
                    if attempt >= times:
                        raise
        return wrapper


def timed(func):
    name = func.__name__

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"timed {name}: start")
        start = time.perf_counter()
        ok = False
        try:
            result = func(*args, **kwargs)
            ok = True
            return result
        finally:
            elapsed = time.perf_counter() - start
            print(f"timed {name}: {elapsed:.3f}s" if ok else f"timed {name}: failed after {elapsed:.3f}s")
    return wrapper

ACTIVE_RUNS = {}
RETRYABLE = (ConnectionError, TimeoutError)


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


def run_experiment(name, config, train, *, retries=3):
    config = config if isinstance(config, TrainConfig) else TrainConfig(**config)

    @timed                               # outermost: one timing for every attempt
    @retry(retries, on=RETRYABLE)
    @functools.wraps(train)              # so both report train's own name
    def step(cfg):
        return train(cfg)

    with tracked_run(name) as run:
        run.metrics.update(step(config))
    return run
