"""Typed fields for the tracker's run records."""


class Typed:
    """A field that accepts only values of one type."""

    def __init__(self, kind):
        self.kind = kind
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(f"{self.name} has not been set") from None


class RunRecord:
    name = Typed(str)
    epochs = Typed(int)
    lr = Typed(float)

    def __init__(self, name, epochs, lr):
        self.name = name
        self.epochs = epochs
        self.lr = lr

