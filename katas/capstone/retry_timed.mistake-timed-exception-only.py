import functools
import time


def retry(times, on=(Exception,)):
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
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"timed {func.__name__}: start")
        start = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except Exception:
            print(f"timed {func.__name__}: failed after {time.perf_counter() - start:.3f}s")
            raise
        print(f"timed {func.__name__}: {time.perf_counter() - start:.3f}s")
        return result
    return wrapper
