# Keeps the values in a WeakKeyDictionary owned by the descriptor, keyed by
# instance: still one value per instance, and no attribute on the instance.
import weakref


class Bounded:
    def __init__(self, min, max):
        self.min = min
        self.max = max
        self.values = weakref.WeakKeyDictionary()

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.values[obj]

    def __set__(self, obj, value):
        if not (self.min <= value <= self.max):
            raise ValueError(f"{self.name} must be in range {self.min}..{self.max}")
        self.values[obj] = value


class ServerConfig:
    port = Bounded(min=1, max=65535)
    workers = Bounded(min=1, max=256)

    def __init__(self, port, workers):
        self.port = port
        self.workers = workers
