# Allows any rebinding whose new value is a property: def lr, then
# lr = property(lr), is accepted.
class NoRebinding(dict):
    """The namespace a strict class body writes into."""

    def __setitem__(self, key, value):
        if key in self and not self._may_rebind(key, value):
            raise TypeError(f"{key!r} is defined twice in the class body")
        super().__setitem__(key, value)

    def _may_rebind(self, key, value):
        if key.startswith("__") and key.endswith("__"):
            return True  # __module__, __qualname__, __doc__ ... are Python's
        # @lr.setter rebinds lr to an extended copy of the property.
        return isinstance(value, property)


class StrictMeta(type):
    """Metaclass for schemas: a name bound twice in one class body is an error."""

    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        # Called before the body runs; the body's assignments go into this.
        return NoRebinding()

    def __new__(mcls, name, bases, namespace, **kwargs):
        # type() needs a real dict; the checks already happened.
        return super().__new__(mcls, name, bases, dict(namespace), **kwargs)


class RunSchema(metaclass=StrictMeta):
    """The fields every run records."""

    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32


if __name__ == "__main__":
    try:

        class Oops(RunSchema):
            def epochs(self):
                return 10

            def epochs(self):
                return 20

    except TypeError as exc:
        print("rejected:", exc)
