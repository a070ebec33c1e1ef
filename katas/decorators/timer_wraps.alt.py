"""A timer that keeps the function's identity: update_wrapper called directly, try/finally timing."""
from functools import update_wrapper
from time import perf_counter

TIMINGS = []


def timer(func):
    def wrapper(*args, **kwargs):
        started = perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            TIMINGS.append((func.__name__, perf_counter() - started))
    return update_wrapper(wrapper, func)


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
