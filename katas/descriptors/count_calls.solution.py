import functools
import types


class count_calls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self  # Run.log_metric: the counter itself
        return types.MethodType(self, obj)  # run.log_metric: bound to run


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
    print(normalize([1, 3]), normalize.calls)
    run = Run("baseline")
    run.log_metric("loss", 0.4)
    print(run.metrics, Run.log_metric.calls)
