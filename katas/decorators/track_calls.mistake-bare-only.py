"""Wrong on purpose: a plain decorator with the tag as an extra parameter; @track(tag=...) has no function."""
import functools

CALLS = []


def track(func, tag="default"):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS.append((tag, func.__name__))
        return func(*args, **kwargs)
    return wrapper
