"""Mistake: the elapsed time is rounded to two decimals."""
import functools
import time

TIMINGS = []

def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, round(time.perf_counter() - start, 2)))
        return result
    return wrapper

@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
