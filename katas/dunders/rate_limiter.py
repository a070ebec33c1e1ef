"""A rate limiter for the metrics server, used as a decorator.

The hosted dashboard accepts a limited number of pushes. The plan is:

    limiter = RateLimiter(max_calls=100)

    @limiter
    def push_metric(name, value):
        ...

but a RateLimiter object cannot be called yet, so `@limiter` fails.
"""


class RateLimitExceeded(RuntimeError):
    """Raised when a rate-limited function is called once too often."""


class RateLimiter:
    def __init__(self, max_calls):
        self.max_calls = max_calls
        self.calls = 0

    def reset(self):
        self.calls = 0


if __name__ == "__main__":
    limiter = RateLimiter(max_calls=2)
    try:
        push = limiter(print)
    except TypeError as exc:
        print("cannot decorate yet:", exc)
