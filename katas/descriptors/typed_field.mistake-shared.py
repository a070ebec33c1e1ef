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
            return self.value
        except AttributeError:
            raise AttributeError(f"{self.name} has not been set") from None

    def __set__(self, obj, value):
        # bool is a subclass of int, but True is not an epoch count.
        is_bool_for_other = isinstance(value, bool) and not issubclass(self.kind, bool)
        if not isinstance(value, self.kind) or is_bool_for_other:
            raise TypeError(
                f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}"
            )
        self.value = value

    def __delete__(self, obj):
        del self.value


class RunRecord:
    name = Typed(str)
    epochs = Typed(int)
    lr = Typed(float)

    def __init__(self, name, epochs, lr):
        self.name = name
        self.epochs = epochs
        self.lr = lr

