"""Wrong: only a string is refused; any other value that is not callable is taken for the function."""
import functools

CALLS = []


def track(func=None, *, tag="default"):
    def decorate(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            CALLS.append((tag, f.__name__))
            return f(*args, **kwargs)
        return wrapper
    if isinstance(func, str):
        raise TypeError("keyword tag only")
    if func is None:
        return decorate
    return decorate(func)
