"""A wrong answer: the values live in one module-level list, shared by every average."""
from collections import deque


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


_values = []


def _average(window):
    mean = None
    while True:
        try:
            value = yield mean
        except ResetAverage:
            _values.clear()
            mean = None
            continue
        _values.append(value)
        recent = _values if window is None else _values[-window:]
        mean = sum(recent) / len(recent)


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    gen = _average(window)
    next(gen)
    return gen
