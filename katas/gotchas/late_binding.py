"""Every callback reports its own metric.

make_reporters(metrics) returns one reporter per metric name, in order.
reporter(value) returns format_metric(<its own metric>, value).
"""


def format_metric(metric, value):
    return f"{metric}={value}"


def make_reporters(metrics):
    reporters = []
    for metric in metrics:
        reporters.append(lambda value: format_metric(metric, value))
    return reporters


if __name__ == "__main__":
    for reporter, value in zip(make_reporters(["loss", "accuracy", "f1"]), [0.25, 0.9, 0.8]):
        print(reporter(value))    # loss=0.25, accuracy=0.9, f1=0.8 expected
