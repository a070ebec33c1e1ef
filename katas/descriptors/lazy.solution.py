class lazy:
    """A non-data descriptor: it defines __get__ only.

    The first read stores the result in the instance __dict__ under the same
    name. From then on the instance dict wins over a non-data descriptor, so
    __get__ is not called again for that instance.
    """

    def __init__(self, func):
        self.func = func

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


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
    print(data.vocabulary)
