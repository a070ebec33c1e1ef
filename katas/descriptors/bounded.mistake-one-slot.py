# Stores every field under the same instance attribute, so port and workers
# overwrite each other.


class Bounded:
    def __init__(self, min, max):
        self.min = min
        self.max = max

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj._value

    def __set__(self, obj, value):
        if not self.min <= value <= self.max:
            raise ValueError(f"value must be between {self.min} and {self.max}")
        obj._value = value


class ServerConfig:
    port = Bounded(min=1, max=65535)
    workers = Bounded(min=1, max=256)

    def __init__(self, port, workers):
        self.port = port
        self.workers = workers
