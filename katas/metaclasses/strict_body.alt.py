# __prepare__ returns a mapping that records every name it has seen; the
# dunder names the compiler sets (__module__, __qualname__, __doc__...) pass,
# and so does a property rebound by its own @x.setter.
import re

DUNDER = re.compile(r"__\w+__")


class StrictNamespace(dict):
    def __init__(self, class_name):
        super().__init__()
        self.class_name = class_name
        self.seen = set()

    def __setitem__(self, key, value):
        if not DUNDER.fullmatch(key):
            setter_pattern = isinstance(value, property) and isinstance(self.get(key), property)
            if key in self.seen and not setter_pattern:
                raise TypeError(f"{self.class_name}: duplicate definition of {key}")
            self.seen.add(key)
        dict.__setitem__(self, key, value)


class StrictMeta(type):
    @classmethod
    def __prepare__(metacls, name, bases, **kwargs):
        return StrictNamespace(name)


class RunSchema(metaclass=StrictMeta):
    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32
