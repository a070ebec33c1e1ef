"""A wrong answer: partial binds the metric by keyword, but the value arrives by position."""
from functools import partial


def format_metric(metric, value):
    return f"{metric}={value}"


def make_reporters(metrics):
    return [partial(format_metric, metric=metric) for metric in metrics]
