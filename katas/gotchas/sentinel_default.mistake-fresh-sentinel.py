"""Wrong on purpose: `default is object()` compares with a brand-new object, which is never the default."""


def metric(run, name, default=object()):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if default is object():
        raise KeyError(name)
    return default
