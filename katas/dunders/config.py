"""Hyperparameters you can read as attributes: cfg.lr instead of cfg.get("lr").

The settings live in a dict, self._values. Attribute access should reach
into it, while still behaving like real attributes for missing names, so
that getattr(cfg, name, default) and hasattr(cfg, name) keep working.
"""


class Config:
    def __init__(self, **values):
        self._values = dict(values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def as_dict(self):
        return dict(self._values)

    # TODO: make cfg.lr return self._values["lr"]


if __name__ == "__main__":
    cfg = Config(lr=0.001, epochs=10)
    print(cfg.get("lr"))
    print(getattr(cfg, "dropout", 0.0))
    try:
        print(cfg.lr)
    except AttributeError as exc:
        print("no attribute access yet:", exc)
