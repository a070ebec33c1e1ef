# __slots__ on the subclass only: Record still gives every instance a __dict__.


class Record:
    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


class MetricPoint(Record):
    __slots__ = ("run", "step", "value")
    fields = ("run", "step", "value")

    def __init__(self, run, step, value):
        self.run = run
        self.step = step
        self.value = value
