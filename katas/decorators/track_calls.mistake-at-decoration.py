"""Wrong on purpose: the call is recorded once, when the function is decorated."""
import functools

CALLS = []


def track(func=None, *, tag="default"):
    if func is None:
        return functools.partial(track, tag=tag)
    if not callable(func):
        raise TypeError("the tag is keyword-only")
    CALLS.append((tag, func.__name__))

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper
