# Caches on the descriptor: the first instance's value is served to all.


class lazy:
    def __init__(self, func):
        self.func = func
        self.done = False

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if not self.done:
            self.value = self.func(obj)
            self.done = True
        return self.value


class Dataset:
    def __init__(self, name, texts):
        self.name = name
        self.texts = texts

    @lazy
    def vocabulary(self):
        return sorted({word for text in self.texts for word in text.split()})
