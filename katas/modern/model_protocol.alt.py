"""The Protocol spelled through the typing module, fit_all as a filter then a loop."""

import typing


@typing.runtime_checkable
class Model(typing.Protocol):
    """Anything that can be trained and then asked for predictions."""

    def predict(self, x):
        raise NotImplementedError

    def fit(self, data):
        raise NotImplementedError


def fit_all(candidates, data):
    models = [candidate for candidate in candidates if isinstance(candidate, Model)]
    for model in models:
        model.fit(data)
    return models
