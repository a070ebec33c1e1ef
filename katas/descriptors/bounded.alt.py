# Stores under the attribute's own name in the instance __dict__: a data
# descriptor wins over the instance dict, so reads still go through __get__.


class Bounded:
    def __init__(self, *, min, max):
        self.low, self.high = min, max

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, obj, value):
        if value < self.low or value > self.high:
            raise ValueError(f"{self.name}={value} is outside [{self.low}, {self.high}]")
        obj.__dict__[self.name] = value


class ServerConfig:
    port = Bounded(min=1, max=65535)
    workers = Bounded(min=1, max=256)

    def __init__(self, port, workers):
        self.port = port
        self.workers = workers
