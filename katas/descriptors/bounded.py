"""One range check, reused by every numeric setting.

ServerConfig needs two validated fields. Two hand-written properties would
repeat the same check, so Bounded should become a descriptor that any class
can use: Bounded(min=1, max=65535) on one field, Bounded(min=1, max=256) on
another.
"""


class Bounded:
    """A numeric attribute that must stay within [min, max], both included."""

    def __init__(self, min, max):
        self.min = min
        self.max = max

    # TODO: implement the descriptor protocol:
    #   __set_name__(self, owner, name)   -- learn the attribute's name
    #   __get__(self, obj, objtype=None)  -- obj is None when read on the class
    #   __set__(self, obj, value)         -- validate, then store on obj


class ServerConfig:
    port = Bounded(min=1, max=65535)
    workers = Bounded(min=1, max=256)

    def __init__(self, port, workers):
        self.port = port
        self.workers = workers


if __name__ == "__main__":
    cfg = ServerConfig(port=8080, workers=4)
    cfg.port = 70000  # should raise ValueError
    print("accepted port", cfg.port)
