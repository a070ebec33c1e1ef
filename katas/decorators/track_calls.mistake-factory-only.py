"""Wrong on purpose: a factory only, so bare @track hands the function to a function that takes none."""
import functools

CALLS = []


def track(*, tag="default"):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            CALLS.append((tag, func.__name__))
            return func(*args, **kwargs)
        return wrapper
    return decorate
