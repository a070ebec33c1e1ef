"""Broken metrics should fail where they are written, not where they are used.

Every concrete Metric must set `higher_is_better` (True or False) and
override `compute`. Today that is checked in __init__, so a broken metric
class imports fine and only explodes when an evaluation job, hours later,
creates an instance. Check at class creation instead.
"""


class Metric:
    higher_is_better = None

    def __init__(self):
        # Too late: this runs per instance, long after the class was written.
        name = type(self).__name__
        if self.higher_is_better not in (True, False):
            raise TypeError(f"{name} must set higher_is_better to True or False")
        if type(self).compute is Metric.compute:
            raise TypeError(f"{name} must override compute()")

    def compute(self, predictions, targets):
        raise NotImplementedError

    def better(self, a, b):
        return a > b if self.higher_is_better else a < b


class Accuracy(Metric):
    higher_is_better = True

    def compute(self, predictions, targets):
        hits = sum(p == t for p, t in zip(predictions, targets))
        return hits / len(targets)


class MeanSquaredError(Metric):
    higher_is_better = False

    def compute(self, predictions, targets):
        return sum((p - t) ** 2 for p, t in zip(predictions, targets)) / len(targets)


if __name__ == "__main__":

    class F1(Metric):  # forgot higher_is_better: should fail right here
        def compute(self, predictions, targets):
            return 0.0

    print("F1 was defined without complaint")
