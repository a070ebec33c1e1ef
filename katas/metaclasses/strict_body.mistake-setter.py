# Rejects every rebinding of an ordinary name, including the legitimate one
# made by the @x.setter pattern of a property.


class NoRebinding(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"{key!r} is defined twice in the class body")
        super().__setitem__(key, value)


class StrictMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        return NoRebinding()


class RunSchema(metaclass=StrictMeta):
    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32
