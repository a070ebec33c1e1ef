# Compares with > before counting: one call too many gets through.
import functools


class RateLimitExceeded(RuntimeError):
    pass


class RateLimiter:
    def __init__(self, max_calls):
        self.max_calls = max_calls
        self.calls = 0

    def reset(self):
        self.calls = 0

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if self.calls > self.max_calls:
                raise RateLimitExceeded("too many calls")
            self.calls += 1
            return func(*args, **kwargs)

        return wrapper
