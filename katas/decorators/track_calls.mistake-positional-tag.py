"""Wrong on purpose: the tag may be given by position, and track("eval") quietly wraps the string."""
import functools

CALLS = []


def track(func=None, tag="default"):
    if func is None:
        return functools.partial(track, tag=tag)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS.append((tag, func.__name__))
        return func(*args, **kwargs)
    return wrapper
