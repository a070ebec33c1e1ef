# dataclass(slots=True) writes __slots__ for the fields; the base still
# needs its own empty __slots__.
from dataclasses import dataclass


class Record:
    __slots__ = ()
    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


@dataclass(slots=True)
class MetricPoint(Record):
    run: str
    step: int
    value: float

    fields = ("run", "step", "value")
