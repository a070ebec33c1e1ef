"""Wrong on purpose: the elapsed time is recorded in milliseconds."""
import functools
import time

TIMINGS = []

def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, (time.perf_counter() - start) * 1000))
        return result
    return wrapper


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
