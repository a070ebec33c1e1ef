class Bounded:
    """A numeric attribute that must stay within [min, max], both included."""

    def __init__(self, min, max):
        self.min = min
        self.max = max

    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage)

    def __set__(self, obj, value):
        if not self.min <= value <= self.max:
            raise ValueError(
                f"{self.name} must be between {self.min} and {self.max}, got {value!r}"
            )
        setattr(obj, self.storage, value)


class ServerConfig:
    port = Bounded(min=1, max=65535)
    workers = Bounded(min=1, max=256)

    def __init__(self, port, workers):
        self.port = port
        self.workers = workers


if __name__ == "__main__":
    cfg = ServerConfig(port=8080, workers=4)
    try:
        cfg.port = 70000
    except ValueError as exc:
        print("rejected:", exc)
    print(cfg.port, cfg.workers)
