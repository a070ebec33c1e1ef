class ModelMeta(type):
    """The metaclass of every model: it keeps a registry of model classes."""

    registry = {}

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        # The class statement of the base has no model among its bases.
        if any(isinstance(base, ModelMeta) for base in bases):
            mcls.registry[name] = cls
        return cls


class Model(metaclass=ModelMeta):
    """The abstract base. It is not a trainable model: never register it."""

    def __init__(self, **params):
        self.params = params


class LinearModel(Model):
    pass


class TreeModel(Model):
    pass


def build(name, **params):
    return ModelMeta.registry[name](**params)


if __name__ == "__main__":
    print(sorted(ModelMeta.registry))
    print(build("TreeModel", depth=3).params)
