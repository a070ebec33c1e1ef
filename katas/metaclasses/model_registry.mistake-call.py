# Registers in the metaclass's __call__, which runs when an instance is
# created (Model(...)), not when the class statement runs.


class ModelMeta(type):
    registry = {}

    def __call__(cls, *args, **kwargs):
        if cls.__name__ != "Model":
            ModelMeta.registry[cls.__name__] = cls
        return super().__call__(*args, **kwargs)


class Model(metaclass=ModelMeta):
    def __init__(self, **params):
        self.params = params


class LinearModel(Model):
    pass


class TreeModel(Model):
    pass


def build(name, **params):
    return ModelMeta.registry[name](**params)
