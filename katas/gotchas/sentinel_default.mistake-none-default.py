"""Wrong on purpose: None still means "no default", so an explicit default=None raises."""


def metric(run, name, default=None):
    metrics = run["metrics"]
    if name in metrics:
        return metrics[name]
    if default is None:
        raise KeyError(name)
    return default
