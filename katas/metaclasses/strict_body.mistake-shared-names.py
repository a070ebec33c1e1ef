# Remembers the names seen on the metaclass, shared by every class body:
# two unrelated classes that each define epochs once are rejected.
class StrictMeta(type):
    """Metaclass for schemas: a name bound twice in one class body is an error."""

    seen = set()

    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        seen = mcls.seen

        class Namespace(dict):
            def __setitem__(self, key, value):
                dunder = key.startswith("__") and key.endswith("__")
                both_props = key in self and isinstance(self[key], property) and isinstance(value, property)
                if not dunder and not both_props and key in seen:
                    raise TypeError(f"{key!r} is defined twice")
                seen.add(key)
                super().__setitem__(key, value)

        return Namespace()

    def __new__(mcls, name, bases, namespace, **kwargs):
        return super().__new__(mcls, name, bases, dict(namespace), **kwargs)


class RunSchema(metaclass=StrictMeta):
    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32
