from typing import Protocol


class Model(Protocol):
    def fit(self, data): ...

    def predict(self, x): ...


def fit_all(candidates, data):
    fitted = []
    for candidate in candidates:
        if isinstance(candidate, Model):
            candidate.fit(data)
            fitted.append(candidate)
    return fitted
