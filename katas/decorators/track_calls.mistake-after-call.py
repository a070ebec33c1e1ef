"""Mistake: the call is recorded after the function returns."""
import functools

CALLS = []

def track(func=None, *, tag="default"):
    def decorate(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            result = f(*args, **kwargs)
            CALLS.append((tag, f.__name__))
            return result
        return wrapper
    if func is None:
        return decorate
    if not callable(func):
        raise TypeError("tag is keyword-only")
    return decorate(func)
