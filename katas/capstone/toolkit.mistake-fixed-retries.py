"""The tracker's toolkit in one file: retry, timed, tracked_run, Positive,
and run_experiment, which puts them together."""

import functools
import time
from contextlib import contextmanager

ACTIVE_RUNS = {}
RETRYABLE = (ConnectionError, TimeoutError)


# --- decorators -------------------------------------------------------------

def retry(times, on=(Exception,)):
    """Call the function up to `times` times while it raises one of `on`."""
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except on as exc:
                    print(f"retry {func.__name__}: attempt {attempt} of {times} failed ({type(exc).__name__})")
                    if attempt == times:
                        raise
        return wrapper
    return decorate


def timed(func):
    """Print when the function starts and how long it took, even when it fails."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"timed {func.__name__}: start")
        start = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except BaseException:
            print(f"timed {func.__name__}: failed after {time.perf_counter() - start:.3f}s")
            raise
        print(f"timed {func.__name__}: {time.perf_counter() - start:.3f}s")
        return result
    return wrapper


# --- the run ----------------------------------------------------------------

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
        raise
    else:
        run.status = "finished"
    finally:
        del ACTIVE_RUNS[name]
        print(f"run {name}: closed ({run.status})")


# --- the config -------------------------------------------------------------

class Positive:
    """A data descriptor for fields that must hold a number greater than zero."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)) or not value > 0:
            raise ValueError(f"{self.name} must be a positive number, got {value!r}")
        obj.__dict__[self.name] = value


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32):
        self.lr = lr
        self.batch_size = batch_size


# --- all together -----------------------------------------------------------

def run_experiment(name, config, train, *, retries=3):
    if isinstance(config, dict):
        config = TrainConfig(**config)
    step = timed(retry(3, on=RETRYABLE)(train))
    with tracked_run(name) as run:
        run.metrics.update(step(config))
    return run
