"""A config that stays valid when it is copied or unpickled."""


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

    def __setstate__(self, state):
        # copy and pickle call this with the saved __dict__ instead of
        # updating __dict__ themselves: assign through the attributes, so
        # every value meets the descriptors' checks again.
        self.lr = state["lr"]
        self.batch_size = state.get("batch_size", 32)  # older states have none
        self.tags = list(state.get("tags", ()))



if __name__ == "__main__":
    import pickle

    cfg = TrainConfig(0.01, 64, ["baseline"])
    cfg.__dict__["lr"] = -1
    try:
        pickle.loads(pickle.dumps(cfg))
    except ValueError as err:
        print("refused:", err)
