"""A default that can be anything: reference solution, an object() sentinel."""

_NO_DEFAULT = object()   # no caller can pass this object, so it means "not given"


def metric(run, name, default=_NO_DEFAULT):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if default is _NO_DEFAULT:
        raise KeyError(name)
    return default
