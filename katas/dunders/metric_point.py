"""Millions of metric points, each dragging a dict around.

A sweep logs millions of MetricPoint objects. Each one carries its own
__dict__, which costs memory and silently accepts typos: point.vaule = 0.3
creates a new attribute instead of failing.
"""


class Record:
    """Base class of everything the tracker stores in bulk."""

    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


class MetricPoint(Record):
    """One logged value of one metric at one step of one run."""

    fields = ("run", "step", "value")

    def __init__(self, run, step, value):
        self.run = run
        self.step = step
        self.value = value


if __name__ == "__main__":
    point = MetricPoint("baseline", 10, 0.42)
    point.vaule = 0.40  # typo, silently accepted today
    print(point.as_dict(), vars(point))
