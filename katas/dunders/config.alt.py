# Refuses private and special names up front, then translates KeyError.
import copy


class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no such setting: {name}") from None

    def __copy__(self):
        return type(self)(**self._values)

    def __deepcopy__(self, memo):
        return type(self)(**copy.deepcopy(self._values, memo))
