"""Mistake: values cached on the descriptor under id(obj); a new instance that reuses the id gets a stale value."""
class lazy:
    def __init__(self, func):
        self.func = func
        self.cache = {}
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        key = id(obj)
        if key not in self.cache:
            self.cache[key] = self.func(obj)
        return self.cache[key]
    def __set__(self, obj, value):
        self.cache[id(obj)] = value
    def __delete__(self, obj):
        self.cache.pop(id(obj), None)


class Dataset:
    def __init__(self, name, texts):
        self.name = name
        self.texts = texts

    @lazy
    def vocabulary(self):
        print(f"building the vocabulary of {self.name}...")
        return sorted({word for text in self.texts for word in text.split()})
