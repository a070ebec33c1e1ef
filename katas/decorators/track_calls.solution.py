"""One decorator, with or without settings: reference solution."""
import functools

CALLS = []


def track(func=None, *, tag="default"):
    if func is None:
        # @track() or @track(tag=...): no function yet, hand back a decorator
        return functools.partial(track, tag=tag)
    if not callable(func):
        raise TypeError(f"track takes the tag as a keyword: @track(tag={func!r}), not {func!r}")

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS.append((tag, func.__name__))
        return func(*args, **kwargs)
    return wrapper


if __name__ == "__main__":
    @track(tag="eval")
    def evaluate(split):
        return 0.93

    @track
    def train(epochs):
        return round(1 / epochs, 2)

    print(evaluate("test"), train(4))
    print(CALLS)
