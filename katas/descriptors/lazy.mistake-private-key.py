"""Expensive attributes, computed on first read and then remembered.

Building a dataset's vocabulary takes minutes. `@lazy` should turn a method
into an attribute that runs the method the first time it is read on an
instance and then never again for that instance.

Today `lazy` recomputes on every read.
"""


class lazy:
    def __init__(self, func):
        self.func = func
        self.key = "_lazy_" + func.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if self.key not in obj.__dict__:
            obj.__dict__[self.key] = self.func(obj)
        return obj.__dict__[self.key]


class Dataset:
    def __init__(self, name, texts):
        self.name = name
        self.texts = texts

    @lazy
    def vocabulary(self):
        print(f"building the vocabulary of {self.name}...")
        return sorted({word for text in self.texts for word in text.split()})


if __name__ == "__main__":
    data = Dataset("reviews", ["good model", "bad model"])
    print(data.vocabulary)
    print(data.vocabulary)  # should not build it a second time
