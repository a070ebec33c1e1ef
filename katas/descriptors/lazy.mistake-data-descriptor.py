# Adds __set__ "so assignment works": now it is a data descriptor, which
# wins over the instance __dict__, so the cached value is never read.


class lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


class Dataset:
    def __init__(self, name, texts):
        self.name = name
        self.texts = texts

    @lazy
    def vocabulary(self):
        return sorted({word for text in self.texts for word in text.split()})
