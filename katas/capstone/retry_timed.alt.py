"""Same decorators, written as classes, with a while loop and try/finally."""

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
