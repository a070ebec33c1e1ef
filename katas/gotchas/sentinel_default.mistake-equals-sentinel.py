"""Wrong: the sentinel is compared with ==, which the default's own __eq__ answers."""

_MISSING = object()


def metric(run, name, default=_MISSING):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if default == _MISSING:
        raise KeyError(name)
    return default
