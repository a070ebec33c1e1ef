"""Every callback reports its own metric: a factory function gives each closure its own scope."""


def format_metric(metric, value):
    return f"{metric}={value}"


def _reporter_for(metric):
    def report(value):
        return format_metric(metric, value)
    return report


def make_reporters(metrics):
    return list(map(_reporter_for, metrics))
