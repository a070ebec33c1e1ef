"""A timer that keeps the function's identity.

timer(func) returns a wrapper that calls func, returns its result unchanged
and appends (func.__name__, elapsed_seconds) to TIMINGS. The wrapper must
also keep func's __name__ and __doc__, and expose func as __wrapped__.
"""
import functools
import time

TIMINGS = []


def timer(func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = func(*args, **kwargs)
        TIMINGS.append((func.__name__, time.perf_counter() - start))
        return result
    return wrapper


@timer
def train(epochs, lr=0.01):
    """Train for a number of epochs and return the final loss."""
    return round(1 / (1 + epochs * lr * 10), 4)


if __name__ == "__main__":
    print(train(5))
    print(TIMINGS[-1][0])
    print(train.__name__)   # should be 'train'
    print(train.__doc__)    # should be the docstring
