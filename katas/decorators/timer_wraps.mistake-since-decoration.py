"""Wrong on purpose: the start time is read once, when the function is decorated."""
import functools
import time

TIMINGS = []

def timer(func):
    start = time.perf_counter()
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, time.perf_counter() - start))
        return result
    return wrapper


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
