# The wrapper is itself an object with __call__, holding a reference to the
# limiter whose budget it spends.
import functools


class RateLimitExceeded(RuntimeError):
    pass


class _Limited:
    def __init__(self, limiter, func):
        self.limiter = limiter
        self.func = func
        functools.update_wrapper(self, func)

    def __call__(self, *args, **kwargs):
        self.limiter.spend()
        return self.func(*args, **kwargs)


class RateLimiter:
    def __init__(self, max_calls):
        self.max_calls = max_calls
        self.calls = 0

    def reset(self):
        self.calls = 0

    def spend(self):
        if self.calls == self.max_calls:
            raise RateLimitExceeded(f"only {self.max_calls} calls allowed")
        self.calls += 1

    def __call__(self, func):
        return _Limited(self, func)
