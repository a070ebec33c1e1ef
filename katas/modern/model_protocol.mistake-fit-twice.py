"""fit() is called in the loop, and again while the result is built."""

from typing import Protocol, runtime_checkable


@runtime_checkable
class Model(Protocol):
    def fit(self, data): ...

    def predict(self, x): ...


def fit_all(candidates, data):
    for candidate in candidates:
        if isinstance(candidate, Model):
            candidate.fit(data)
    return [c for c in candidates if isinstance(c, Model) and c.fit(data) is None]
