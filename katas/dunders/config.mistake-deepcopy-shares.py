# Copies by building a new Config from the same values: the deep copy
# shares every mutable setting (a list of layers) with the original.
import copy

class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    def __getattr__(self, name):
        values = self.__dict__.get("_values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)
    def __copy__(self):
        return Config(**self._values)
    def __deepcopy__(self, memo):
        return Config(**self._values)
