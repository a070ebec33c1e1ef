"""fit_all became a generator function."""

from typing import Protocol, runtime_checkable


@runtime_checkable
class Model(Protocol):
    def fit(self, data): ...

    def predict(self, x): ...


def fit_all(candidates, data):
    for candidate in candidates:
        if isinstance(candidate, Model):
            candidate.fit(data)
            yield candidate
