"""Mistake: __get__ stores the instance on the shared descriptor and returns the descriptor."""
import functools


class count_calls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0
        self._instance = None
    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self._instance is not None:
            return self.func(self._instance, *args, **kwargs)
        return self.func(*args, **kwargs)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self._instance = obj
        return self


@count_calls
def normalize(values):
    total = sum(values)
    return [value / total for value in values]


class Run:
    def __init__(self, name):
        self.name = name
        self.metrics = {}

    @count_calls
    def log_metric(self, key, value):
        self.metrics[key] = value
        return self
