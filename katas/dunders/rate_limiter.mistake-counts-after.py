# Counts a call only after the function returned: a function that keeps
# raising is never limited.
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
                raise RateLimitExceeded(f"{func.__name__}: limit reached")
            result = func(*args, **kwargs)
            self.calls += 1
            return result
        return wrapper
