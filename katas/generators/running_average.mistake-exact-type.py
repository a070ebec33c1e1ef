"""Wrong: only the exact type ResetAverage resets; a subclass ends the generator."""


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def _average(window):
    values = []
    mean = None
    while True:
        try:
            value = yield mean
        except Exception as exc:
            if type(exc) is ResetAverage:
                values = []
                mean = None
                continue
            raise
        values.append(value)
        recent = values[-window:] if window else values
        mean = sum(recent) / len(recent)


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    gen = _average(window)
    next(gen)
    return gen
