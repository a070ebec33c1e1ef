"""A wrong answer: one first call plus `times` retries."""
import functools


def retry(times, on):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times + 1):
                try:
                    return func(*args, **kwargs)
                except on as error:
                    last_error = error
            raise last_error
        return wrapper
    return decorate
