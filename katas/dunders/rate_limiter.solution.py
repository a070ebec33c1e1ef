import functools


class RateLimitExceeded(RuntimeError):
    """Raised when a rate-limited function is called once too often."""


class RateLimiter:
    def __init__(self, max_calls):
        self.max_calls = max_calls
        self.calls = 0

    def reset(self):
        self.calls = 0

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if self.calls >= self.max_calls:
                raise RateLimitExceeded(
                    f"{func.__name__}: limit of {self.max_calls} calls reached"
                )
            self.calls += 1
            return func(*args, **kwargs)

        return wrapper


if __name__ == "__main__":
    limiter = RateLimiter(max_calls=2)

    @limiter
    def push_metric(name, value):
        return f"pushed {name}={value}"

    print(push_metric("loss", 0.9))
    print(push_metric("loss", 0.7))
    try:
        push_metric("loss", 0.5)
    except RateLimitExceeded as exc:
        print("refused:", exc)
