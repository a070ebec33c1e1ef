"""One decorator, with or without settings: count the positional arguments, decorate in a nested function."""
from functools import update_wrapper

CALLS = []


def _tracked(func, tag):
    def wrapper(*args, **kwargs):
        CALLS.append((tag, func.__name__))
        return func(*args, **kwargs)
    return update_wrapper(wrapper, func)


def track(*args, tag="default"):
    if not args:
        return lambda func: _tracked(func, tag)
    if len(args) == 1 and callable(args[0]):
        return _tracked(args[0], tag)
    raise TypeError("the tag is keyword-only: write @track(tag=...)")
