# Calls the function first and only then notices the limit.
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
            result = func(*args, **kwargs)
            self.calls += 1
            if self.calls > self.max_calls:
                raise RateLimitExceeded("too many calls")
            return result

        return wrapper
