"""Wrong on purpose: the tag is kept in one module-level dict, so the last decoration's tag wins."""
import functools

CALLS = []
_settings = {"tag": "default"}


def track(func=None, *, tag="default"):
    if func is None:
        _settings["tag"] = tag
        return track

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS.append((_settings["tag"], func.__name__))
        return func(*args, **kwargs)
    return wrapper
