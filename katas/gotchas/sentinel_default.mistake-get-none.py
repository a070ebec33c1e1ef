"""Wrong on purpose: .get() returns None for a missing metric, so a metric logged as None looks missing."""

_NO_DEFAULT = object()


def metric(run, name, default=_NO_DEFAULT):
    value = run["metrics"].get(name)
    if value is not None:
        return value
    if default is _NO_DEFAULT:
        raise KeyError(name)
    return default
