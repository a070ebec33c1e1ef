class _StrictNamespace(dict):
    def __setitem__(self, key, value):
        dunder = key.startswith("__") and key.endswith("__") and len(key) > 4
        if not dunder and key in self and self[key] is not value:
            old = self[key]
            if not (isinstance(old, property) and isinstance(value, property)):
                raise TypeError(f"{key!r} is defined twice in the class body")
        super().__setitem__(key, value)


class StrictMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        return _StrictNamespace()

    def __new__(mcls, name, bases, namespace, **kwargs):
        return super().__new__(mcls, name, bases, dict(namespace), **kwargs)


class RunSchema(metaclass=StrictMeta):
    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32
