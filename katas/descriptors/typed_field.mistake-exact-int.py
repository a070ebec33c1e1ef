"""Mistake: Typed(int) asks for type(value) is int, so int subclasses other than bool are refused."""
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None
    def __set__(self, obj, value):
        ok = isinstance(value, self.kind)
        if self.kind is int and type(value) is not int:
            ok = False
        if not ok:
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        try:
            del obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

class RunRecord:
    name = Typed(str)
    epochs = Typed(int)
    lr = Typed(float)

    def __init__(self, name, epochs, lr):
        self.name = name
        self.epochs = epochs
        self.lr = lr
