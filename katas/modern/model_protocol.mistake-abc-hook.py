"""An ABC whose __subclasshook__ only looks at the class's own __dict__."""

from abc import ABC, abstractmethod


class Model(ABC):
    @abstractmethod
    def fit(self, data): ...

    @abstractmethod
    def predict(self, x): ...

    @classmethod
    def __subclasshook__(cls, C):
        if "fit" in C.__dict__ and "predict" in C.__dict__:
            return True
        return NotImplemented


def fit_all(candidates, data):
    fitted = []
    for candidate in candidates:
        if isinstance(candidate, Model):
            candidate.fit(data)
            fitted.append(candidate)
    return fitted
