"""Wrong on purpose: a generator of lambdas instead of a list."""


def format_metric(metric, value):
    return f"{metric}={value}"


def make_reporters(metrics):
    return (lambda value: format_metric(metric, value) for metric in metrics)
