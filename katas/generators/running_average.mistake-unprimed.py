"""A wrong answer: the generator is handed out unprimed, stopped before its first line."""
from collections import deque


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
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
