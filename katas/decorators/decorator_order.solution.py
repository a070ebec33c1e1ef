"""Stack the decorators in the right order: reference solution."""
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
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("audit: enter")
        result = func(*args, **kwargs)
        print("audit: exit")
        return result
    return wrapper


@authenticate     # outermost: runs first, finishes last
@audit
@timer            # innermost: times only the training itself
def train(epochs):
    print(f"training for {epochs} epochs")
    return 0.25


@authenticate
@timer
def evaluate(split):
    print(f"evaluating on {split}")
    return 0.93


if __name__ == "__main__":
    print("result:", train(3))
    print()
    print("result:", evaluate("test"))
