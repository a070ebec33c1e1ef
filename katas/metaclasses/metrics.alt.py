# The same checks in a metaclass's __init__, walking the MRO explicitly.


class MetricMeta(type):
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        if not bases:
            return  # Metric itself
        if not isinstance(getattr(cls, "higher_is_better", None), bool):
            raise TypeError(f"metric {name}: higher_is_better must be a bool")
        overriding = [k for k in cls.__mro__ if k is not Metric and "compute" in vars(k)]
        if not overriding:
            raise TypeError(f"metric {name}: compute() is not implemented")


class Metric(metaclass=MetricMeta):
    higher_is_better = None

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
