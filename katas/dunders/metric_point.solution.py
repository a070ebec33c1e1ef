class Record:
    """Base class of everything the tracker stores in bulk."""

    __slots__ = ()  # without this, every subclass instance still gets a __dict__
    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


class MetricPoint(Record):
    """One logged value of one metric at one step of one run."""

    __slots__ = ("run", "step", "value")
    fields = ("run", "step", "value")

    def __init__(self, run, step, value):
        self.run = run
        self.step = step
        self.value = value


if __name__ == "__main__":
    point = MetricPoint("baseline", 10, 0.42)
    try:
        point.vaule = 0.40
    except AttributeError as exc:
        print("typo caught:", exc)
    print(point.as_dict())
