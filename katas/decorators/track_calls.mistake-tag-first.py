"""Wrong on purpose: the tag is the first parameter, so bare @track hands the function over as the tag."""
import functools

CALLS = []


def track(tag="default"):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            CALLS.append((tag, func.__name__))
            return func(*args, **kwargs)
        return wrapper
    return decorate
