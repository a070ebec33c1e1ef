"""Which objects can the tracker train?

The tracker should accept any model object with a `fit(data)` method and a
`predict(x)` method, including classes from other libraries that have never
heard of this module. Today Model is an abstract base class, so only its
subclasses count.
"""

from abc import ABC, abstractmethod


class Model(ABC):
    @abstractmethod
    def fit(self, data): ...

    @abstractmethod
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
    class ThirdPartyTree:  # does not inherit from Model
        def fit(self, data):
            self.mean = sum(data) / len(data)

        def predict(self, x):
            return self.mean

    print(fit_all([ThirdPartyTree(), "not a model"], [1.0, 2.0, 3.0]))
