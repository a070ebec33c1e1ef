"""Mistake: the reporter formats the value itself ({value:g}) instead of returning format_metric(metric, value)."""
def format_metric(metric, value):
    return f"{metric}={value}"
def make_reporters(metrics):
    return [(lambda value, m=m: f"{m}={value:g}") for m in metrics]
