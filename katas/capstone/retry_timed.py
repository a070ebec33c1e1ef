"""The toolkit's two decorators: retry(times, on) and timed.

Both "work" on a happy path. Used for real (failures, other exceptions,
stacked on top of each other) they misbehave. Fix them so that:

- retry(times, on) calls the function up to `times` times, but only
  retries the exception types in `on`; after each failed attempt it prints
  "retry <name>: attempt <i> of <times> failed (<ExceptionType>)", and
  after the last one it re-raises that exception;
- timed prints "timed <name>: start" before the call, then either
  "timed <name>: <seconds>s" (3 decimals) or, when the call raises,
  "timed <name>: failed after <seconds>s", and lets the exception through;
- both keep the wrapped function's name, docstring and __wrapped__.
"""

import time


def retry(times, on=(Exception,)):
    def decorate(func):
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except Exception as exc:
                    print(f"retry {func.__name__}: attempt {attempt} of {times} failed ({type(exc).__name__})")
        return wrapper
    return decorate


def timed(func):
    def wrapper(*args, **kwargs):
        print(f"timed {func.__name__}: start")
        start = time.perf_counter()
        result = func(*args, **kwargs)
        print(f"timed {func.__name__}: {time.perf_counter() - start:.3f}s")
        return result
    return wrapper


if __name__ == "__main__":
    attempts = []

    @timed
    @retry(times=3, on=(ConnectionError,))
    def upload(metrics):
        """Send metrics to the server."""
        attempts.append(1)
        if len(attempts) < 3:
            raise ConnectionError("server busy")
        return f"uploaded {len(metrics)} metrics"

    print(upload({"loss": 0.2, "acc": 0.9}))
