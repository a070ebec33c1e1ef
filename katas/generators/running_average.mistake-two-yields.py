"""A wrong answer: one yield receives and another answers, so every other value is lost."""
from collections import deque


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def _average(window):
    values = deque(maxlen=window)
    while True:
        try:
            value = yield
        except ResetAverage:
            values.clear()
            continue
        values.append(value)
        yield sum(values) / len(values)


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    gen = _average(window)
    next(gen)
    return gen
