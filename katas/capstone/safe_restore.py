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


class TrainConfig:
    lr = Positive()
    batch_size = Positive()

    def __init__(self, lr, batch_size=32, tags=()):
        self.lr = lr
        self.batch_size = batch_size
        self.tags = list(tags)

    # TODO: __setstate__(self, state), so that restoring goes through the
    # same checks as assignment.


if __name__ == "__main__":
    import pickle

    cfg = TrainConfig(0.01, 64, ["baseline"])
    cfg.__dict__["lr"] = -1  # behind the descriptor's back
    restored = pickle.loads(pickle.dumps(cfg))
    print("restored a config with lr", restored.lr)  # should have raised
