"""A running average of a metric, fed with send().

running_average(window=None) returns a generator that is ready to receive:
avg.send(value) returns the mean (a float) of every value sent so far, or
of the last `window` values when a window is given. window < 1 raises
ValueError when running_average is called. avg.throw(ResetAverage())
forgets every value and returns None. Any other exception thrown in ends
the generator and reaches the caller unchanged.
"""
from collections import deque


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    averager = _average(window)
    next(averager)          # prime: run to the first yield, so send() can deliver
    return averager


def _average(window):
    values = deque(maxlen=window)   # maxlen=None keeps every value
    mean = None
    while True:
        try:
            value = yield mean
        except ResetAverage:        # any other exception ends the generator
            values.clear()
            mean = None
            continue
        values.append(value)
        mean = sum(values) / len(values)
