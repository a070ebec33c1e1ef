# Uses __getattribute__, which runs for every attribute, self._values included.


class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    def __getattribute__(self, name):
        if name in self._values:
            return self._values[name]
        return object.__getattribute__(self, name)
