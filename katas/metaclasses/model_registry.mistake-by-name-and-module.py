class ModelMeta(type):
    registry = {}

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace, **kwargs)
        if cls.__module__ != __name__ or cls.__name__ != "Model":
            ModelMeta.registry[cls.__name__] = cls


class Model(metaclass=ModelMeta):
    def __init__(self, **params):
        self.params = params


class LinearModel(Model):
    pass


class TreeModel(Model):
    pass


def build(name, **params):
    return ModelMeta.registry[name](**params)
