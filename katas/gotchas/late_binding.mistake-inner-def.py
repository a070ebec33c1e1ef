"""A wrong answer: a nested def in the loop binds late, exactly like the lambda."""


def format_metric(metric, value):
    return f"{metric}={value}"


def make_reporters(metrics):
    reporters = []
    for metric in metrics:
        def report(value):
            return format_metric(metric, value)
        reporters.append(report)
    return reporters
