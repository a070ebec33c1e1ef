# Returns None for a missing key, so every name seems to exist.


class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    def __getattr__(self, name):
        return self._values.get(name)
