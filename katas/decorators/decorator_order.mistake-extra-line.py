"""Wrong on purpose: audit prints a line of its own besides enter and exit."""
import functools


def authenticate(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("auth: enter")
        result = func(*args, **kwargs)
        print("auth: exit")
        return result
    return wrapper


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("timer: enter")
        result = func(*args, **kwargs)
        print("timer: exit")
        return result
    return wrapper

def audit(func):
    def wrapper(*args, **kwargs):
        print("audit: enter")
        result = func(*args, **kwargs)
        print("audit: exit")
        print(f"audit: {func.__name__} returned {result}")
        return result
    return wrapper


@authenticate
@audit
@timer
def train(epochs):
    print(f"training for {epochs} epochs")
    return 0.25


@authenticate
@timer
def evaluate(split):
    print(f"evaluating on {split}")
    return 0.93

