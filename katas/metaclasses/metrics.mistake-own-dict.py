# Looks only in the new class's own namespace, so inheriting a real compute
# (or higher_is_better) from a concrete metric is rejected.


class Metric:
    higher_is_better = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if vars(cls).get("higher_is_better") not in (True, False):
            raise TypeError(f"{cls.__name__} must set higher_is_better to True or False")
        if "compute" not in vars(cls):
            raise TypeError(f"{cls.__name__} must override compute()")

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
