"""A wrong answer: the window is accepted but ignored; the mean covers every value."""


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def _average():
    total, count, mean = 0.0, 0, None
    while True:
        try:
            value = yield mean
        except ResetAverage:
            total, count, mean = 0.0, 0, None
            continue
        total += value
        count += 1
        mean = total / count


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    gen = _average()
    next(gen)
    return gen
