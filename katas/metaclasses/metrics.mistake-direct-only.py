# Validates only direct subclasses of Metric: a broken subclass of
# Accuracy is never checked.
class Metric:
    higher_is_better = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if Metric not in cls.__bases__:
            return
        if cls.higher_is_better not in (True, False):
            raise TypeError(f"{cls.__name__} must set higher_is_better to True or False")
        if cls.compute is Metric.compute:
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


if __name__ == "__main__":
    try:

        class F1(Metric):
            def compute(self, predictions, targets):
                return 0.0

    except TypeError as exc:
        print("rejected at definition:", exc)
