"""A wrong answer: every exception is retried, not only the listed ones."""
import functools


def retry(times, on):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except Exception as error:
                    last_error = error
            raise last_error
        return wrapper
    return decorate
