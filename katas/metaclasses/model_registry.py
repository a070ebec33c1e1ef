"""Every model class registers itself, from the moment it is defined.

build("TreeModel", depth=3) should work as soon as the class exists. Today
the registration sits in Model.__init__, so a class only shows up once an
instance has been created, and creating a plain Model() registers the
abstract base too. Move the registration into the metaclass.
"""


class ModelMeta(type):
    """The metaclass of every model: it keeps a registry of model classes."""

    registry = {}


class Model(metaclass=ModelMeta):
    """The abstract base. It is not a trainable model: never register it."""

    def __init__(self, **params):
        self.params = params
        # Too late and too broad: runs per instance, and for Model itself.
        ModelMeta.registry[type(self).__name__] = type(self)


class LinearModel(Model):
    pass


class TreeModel(Model):
    pass


def build(name, **params):
    return ModelMeta.registry[name](**params)


if __name__ == "__main__":
    try:
        print(build("TreeModel", depth=3).params)
    except KeyError as exc:
        print("not registered yet:", exc)
