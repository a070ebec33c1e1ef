"""Wrong on purpose: a truth test on the default, so 0 or [] counts as no default."""

_NO_DEFAULT = object()


def metric(run, name, default=_NO_DEFAULT):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if not default or default is _NO_DEFAULT:
        raise KeyError(name)
    return default
