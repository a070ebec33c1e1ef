# Tests the value it found, not whether the setting exists: a setting of
# 0.0 or None is reported as missing.

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
        value = self._values.get(name)
        if not value:
            raise AttributeError(f"no setting {name!r}")
        return value
