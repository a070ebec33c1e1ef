"""Wrong on purpose: the default tag is taken to mean "used bare", so @track() wraps None."""
import functools

CALLS = []


def track(func=None, *, tag="default"):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            CALLS.append((tag, func.__name__))
            return func(*args, **kwargs)
        return wrapper
    if tag == "default":
        return decorate(func)
    return decorate
