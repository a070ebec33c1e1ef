"""A timer that keeps the function's identity: reference solution."""
import functools
import time

TIMINGS = []


def timer(func):
    @functools.wraps(func)
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
    print(train.__name__, "-", train.__doc__)
