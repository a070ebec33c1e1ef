class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    def __getattr__(self, name):
        # Only called when normal lookup fails. Read the dict through
        # __dict__: on a copy that has not been initialised yet, self._values
        # would call __getattr__ again, forever.
        values = self.__dict__.get("_values", {})
        if name in values:
            return values[name]
        raise AttributeError(f"{type(self).__name__} has no setting {name!r}")


if __name__ == "__main__":
    cfg = Config(lr=0.001, epochs=10)
    print(cfg.lr, cfg.epochs)
    print(getattr(cfg, "dropout", 0.0), hasattr(cfg, "dropout"))
