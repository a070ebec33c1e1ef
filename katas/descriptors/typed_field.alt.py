"""Typed fields, storing each value under a private name on the instance."""


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_typed_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if not hasattr(obj, self.private):
            raise AttributeError(f"field {self.public!r} was never assigned")
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if type(value) is bool and self.kind is not bool:
            raise TypeError(f"{self.public} must be {self.kind.__name__}, not a bool")
        if not isinstance(value, self.kind):
            raise TypeError(
                f"{self.public}: expected {self.kind.__name__}, got {value!r}"
            )
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        delattr(obj, self.private)

    @property
    def name(self):
        return self.public


class RunRecord:
    name = Typed(str)
    epochs = Typed(int)
    lr = Typed(float)

    def __init__(self, name, epochs, lr):
        self.name = name
        self.epochs = epochs
        self.lr = lr
