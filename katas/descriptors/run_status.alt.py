# A hand-written data descriptor instead of property: defining __set__ (even
# one that only refuses) is what makes the instance unable to shadow it.


class computed:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return self.func(obj)

    def __set__(self, obj, value):
        raise AttributeError(f"{self.name} is computed and cannot be assigned")


class Run:
    def __init__(self, name, epochs):
        self.name = name
        self.epochs = epochs
        self.losses = []

    def log(self, loss):
        self.losses.append(loss)

    @computed
    def status(self):
        done = len(self.losses)
        return "pending" if done == 0 else "finished" if done >= self.epochs else "running"

    def describe(self):
        status = self.status
        return f"{self.name}: {status} after {len(self.losses)}/{self.epochs} epochs"
