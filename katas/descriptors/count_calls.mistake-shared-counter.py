"""A class-based decorator that also works on methods.

`count_calls` counts how often a function is called. It works on a plain
function, but on a method the instance never arrives:
run.log_metric("loss", 0.4) ends up calling log_metric("loss", 0.4), with
"loss" as self. Plain functions bind `self` because they are descriptors;
a count_calls object is not one (yet).
"""
import functools
import types


class count_calls:
    calls = 0

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __call__(self, *args, **kwargs):
        count_calls.calls += 1
        return self.func(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)


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


if __name__ == "__main__":
    print(normalize([1, 3]), normalize.calls)  # fine
    run = Run("baseline")
    try:
        run.log_metric("loss", 0.4)
        print(run.metrics, Run.log_metric.calls)
    except TypeError as exc:  # the run never reached the method as self
        print("log_metric broke:", exc)
