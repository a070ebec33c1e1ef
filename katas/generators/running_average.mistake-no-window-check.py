"""A wrong answer: a window of 0 (or less) is accepted and fails later, far from the call."""
from collections import deque


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def _average(window):
    values = deque(maxlen=window)
    mean = None
    while True:
        try:
            value = yield mean
        except ResetAverage:
            values.clear()
            mean = None
            continue
        values.append(value)
        mean = sum(values) / len(values)


def running_average(window=None):
    gen = _average(window)
    next(gen)
    return gen
