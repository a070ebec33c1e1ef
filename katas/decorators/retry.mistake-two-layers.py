"""A wrong answer: the settings became extra parameters of a two-layer decorator."""
import functools


def retry(func, times=3, on=(Exception,)):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(times):
            try:
                return func(*args, **kwargs)
            except on as error:
                last_error = error
        raise last_error
    return wrapper
