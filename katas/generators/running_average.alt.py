"""A priming decorator over the generator; the window is a slice of the history."""
import functools


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def primed(generator_function):
    @functools.wraps(generator_function)
    def start(*args, **kwargs):
        gen = generator_function(*args, **kwargs)
        next(gen)       # runs the window check too, so a bad window fails at the call
        return gen
    return start


@primed
def running_average(window=None):
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    history = []
    mean = None
    while True:
        try:
            value = yield mean
        except ResetAverage:
            history = []
            mean = None
        else:
            history.append(value)
            recent = history if window is None else history[-window:]
            mean = sum(recent) / len(recent)
