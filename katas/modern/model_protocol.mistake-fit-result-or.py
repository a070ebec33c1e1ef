from typing import Protocol, runtime_checkable


@runtime_checkable
class Model(Protocol):
    def fit(self, data): ...

    def predict(self, x): ...


def fit_all(candidates, data):
    fitted = []
    for candidate in candidates:
        if isinstance(candidate, Model):
            fitted.append(candidate.fit(data) or candidate)
    return fitted

