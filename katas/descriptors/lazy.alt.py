# A function that returns the descriptor; the name comes from the function,
# and the cache is written with setattr (allowed: there is no __set__).


class _Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        result = self.func(instance)
        setattr(instance, self.func.__name__, result)
        return result


def lazy(func):
    return _Lazy(func)


class Dataset:
    def __init__(self, name, texts):
        self.name = name
        self.texts = texts

    @lazy
    def vocabulary(self):
        print(f"building the vocabulary of {self.name}...")
        return sorted({word for text in self.texts for word in text.split()})
