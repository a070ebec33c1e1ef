"""A wrong answer: after the last failed attempt the wrapper returns None."""
import functools


def retry(times, on):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except on:
                    pass
        return wrapper
    return decorate
