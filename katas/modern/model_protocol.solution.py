"""Which objects can the tracker train? Anything shaped like a model."""

from typing import Protocol, runtime_checkable


@runtime_checkable
class Model(Protocol):
    def fit(self, data): ...

    def predict(self, x): ...


def fit_all(candidates, data):
    """Call fit(data) on every candidate that is a Model and return those, in order."""
    fitted = []
    for candidate in candidates:
        if isinstance(candidate, Model):
            candidate.fit(data)
            fitted.append(candidate)
    return fitted


if __name__ == "__main__":
    class ThirdPartyTree:
        def fit(self, data):
            self.mean = sum(data) / len(data)

        def predict(self, x):
            return self.mean

    print(len(fit_all([ThirdPartyTree(), "not a model"], [1.0, 2.0, 3.0])))
