"""Stack the decorators in the right order: one tracing factory, applied by explicit calls."""
import functools


def _tracing(label):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            print(f"{label}: enter")
            try:
                return func(*args, **kwargs)
            finally:
                print(f"{label}: exit")
        return wrapper
    return decorate


authenticate = _tracing("auth")
timer = _tracing("timer")
audit = _tracing("audit")


def _train(epochs):
    print(f"training for {epochs} epochs")
    return 0.25


def _evaluate(split):
    print(f"evaluating on {split}")
    return 0.93


# f = outer(inner(f)): the outermost wrapper is the first to run.
train = authenticate(audit(timer(_train)))
evaluate = authenticate(timer(_evaluate))
