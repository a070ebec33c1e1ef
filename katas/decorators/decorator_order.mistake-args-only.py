"""Wrong on purpose: the audit wrapper takes only *args."""
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
    def wrapper(*args):
        print("audit: enter")
        result = func(*args)
        print("audit: exit")
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

