from abc import ABC, abstractmethod


class Model(ABC):
    @abstractmethod
    def fit(self, data): ...

    @abstractmethod
    def predict(self, x): ...


def fit_all(candidates, data):
    fitted = []
    for candidate in candidates:
        if hasattr(candidate, "fit"):
            candidate.fit(data)
            fitted.append(candidate)
    return fitted
