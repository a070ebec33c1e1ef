"""Typed fields for the tracker's run records.

A record that stores epochs="ten" or lr="3e-4" (a string from a config file)
breaks the training loop hours later. Build Typed, a descriptor that checks
the type on every assignment, and use it on any field of any class:

    class RunRecord:
        name = Typed(str)
        epochs = Typed(int)
"""


class Typed:
    """A field that accepts only values of one type."""

    def __init__(self, kind):
        self.kind = kind

    # TODO: write the descriptor from scratch:
    #   __set_name__(self, owner, name)   -- learn the field's name
    #   __get__(self, obj, objtype=None)  -- obj is None when read on the class
    #   __set__(self, obj, value)         -- check the type, then store on obj
    #   __delete__(self, obj)             -- del record.field


class RunRecord:
    name = Typed(str)
    epochs = Typed(int)
    lr = Typed(float)

    def __init__(self, name, epochs, lr):
        self.name = name
        self.epochs = epochs
        self.lr = lr


if __name__ == "__main__":
    record = RunRecord("baseline", 10, 3e-4)
    record.epochs = "ten"  # should raise TypeError
    print("accepted epochs", record.epochs)
