# Slots, but run and step hidden behind read-only properties: reassigning
# point.run raises AttributeError.

class Record:
    __slots__ = ()
    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


class MetricPoint(Record):
    __slots__ = ("_run", "_step", "value")
    fields = ("run", "step", "value")

    def __init__(self, run, step, value):
        self._run = run
        self._step = step
        self.value = value

    @property
    def run(self):
        return self._run

    @property
    def step(self):
        return self._step
