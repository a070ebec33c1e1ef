"""A config that stays valid when it is copied or unpickled.

Positive guards every assignment made through the attribute, in __init__ and
later. But copy.copy, copy.deepcopy and pickle.loads build the new object
without __init__ and put the saved state straight into its __dict__, so
nothing is checked: a state that was tampered with (or written by an older
tracker) comes back as a config that should not exist.
"""


class Positive:
    """A number greater than zero, stored in the instance's __dict__."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(f"{self.name} is not set") from None

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)) or not value > 0:
            raise ValueError(f"{self.name} must be a positive number, got {value!r}")
        obj.__dict__[self.name] = value


_NO_TAGS = []


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32, tags=()):
        self.lr = lr
        self.batch_size = batch_size
        self.tags = list(tags)

    def __setstate__(self, state):
        self.lr = state["lr"]
        self.batch_size = state.get("batch_size", 32)
        tags = state.get("tags")
        self.tags = list(tags) if tags is not None else _NO_TAGS
