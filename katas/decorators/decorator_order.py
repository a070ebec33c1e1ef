"""Stack the decorators in the right order.

Each decorator prints "<name>: enter" before the call and "<name>: exit"
after it. Write audit, then stack the decorators so that train(3) prints
auth, audit, timer entering (in that order) and exiting in reverse, and
evaluate("test") is authenticated and timed but not audited.
"""
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
    # TODO: print "audit: enter", call func, print "audit: exit", return the result.
    return func


@timer
@audit
@authenticate
def train(epochs):
    print(f"training for {epochs} epochs")
    return 0.25


@timer
@authenticate
def evaluate(split):
    print(f"evaluating on {split}")
    return 0.93


if __name__ == "__main__":
    print("result:", train(3))
    print()
    print("result:", evaluate("test"))
