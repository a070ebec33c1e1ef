# Looks for duplicates in __new__, where the namespace is already a finished
# dict: the second definition has replaced the first, so nothing is found.


class StrictMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        names = [key for key in namespace if not key.startswith("__")]
        if len(names) != len(set(names)):
            raise TypeError(f"{name} defines a name twice")
        return super().__new__(mcls, name, bases, namespace, **kwargs)


class RunSchema(metaclass=StrictMeta):
    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32
