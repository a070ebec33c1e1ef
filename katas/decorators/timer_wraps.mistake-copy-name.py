"""A wrong answer: only the name is copied by hand."""
import time

TIMINGS = []


def timer(func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, time.perf_counter() - start))
        return result
    wrapper.__name__ = func.__name__
    return wrapper


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)
