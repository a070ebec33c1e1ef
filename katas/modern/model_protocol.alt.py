"""The pre-Protocol way: an ABC whose __subclasshook__ accepts any class
that has callable fit and predict somewhere in its MRO."""

from abc import ABC, abstractmethod


def _has_method(cls, name):
    return any(callable(vars(base).get(name)) for base in cls.__mro__)


class Model(ABC):
    @abstractmethod
    def fit(self, data): ...

    @abstractmethod
    def predict(self, x): ...

    @classmethod
    def __subclasshook__(cls, other):
        if cls is Model:
            return _has_method(other, "fit") and _has_method(other, "predict")
        return NotImplemented


def fit_all(candidates, data):
    models = [c for c in candidates if isinstance(c, Model)]
    for model in models:
        model.fit(data)
    return models
