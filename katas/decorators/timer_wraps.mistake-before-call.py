"""Wrong on purpose: the elapsed time is computed before the call."""
import functools
import time

TIMINGS = []

def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        elapsed = time.perf_counter() - start
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, elapsed))
        return result
    return wrapper


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
