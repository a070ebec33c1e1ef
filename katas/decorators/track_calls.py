"""One decorator, with or without settings.

track records each call of a decorated function in CALLS as (tag, name).
It must work in three forms:

    @track               tag "default"
    @track()             tag "default"
    @track(tag="eval")   tag "eval"

The tag is keyword-only: track("eval") raises TypeError at once.
"""
import functools

CALLS = []


def track(*, tag="default"):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            CALLS.append((tag, func.__name__))
            return func(*args, **kwargs)
        return wrapper
    return decorate


if __name__ == "__main__":
    @track(tag="eval")
    def evaluate(split):
        return 0.93

    @track              # fails today: track takes no function
    def train(epochs):
        return round(1 / epochs, 2)

    print(evaluate("test"), train(4))
    print(CALLS)        # [('eval', 'evaluate'), ('default', 'train')] expected
