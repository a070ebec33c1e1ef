"""Restoring through setattr, with defaults for fields older states lack."""


class Positive:
    """A number greater than zero, stored in the instance's __dict__."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(f"{self.name} is not set") from None

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)) or not value > 0:
            raise ValueError(f"{self.name} must be a positive number, got {value!r}")
        obj.__dict__[self.name] = value


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32, tags=()):
        self.lr = lr
        self.batch_size = batch_size
        self.tags = list(tags)

    DEFAULTS = {"batch_size": 32, "tags": ()}

    def __setstate__(self, state):
        merged = {**self.DEFAULTS, **state}
        for name in ("lr", "batch_size"):
            setattr(self, name, merged[name])
        self.tags = [*merged["tags"]]

