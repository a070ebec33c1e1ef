"""Wrong on purpose: a list default is copied, so the caller does not get its own object back."""
import copy

_NO_DEFAULT = object()


def metric(run, name, default=_NO_DEFAULT):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if default is _NO_DEFAULT:
        raise KeyError(name)
    return copy.copy(default)
