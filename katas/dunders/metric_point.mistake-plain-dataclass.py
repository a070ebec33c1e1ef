# A dataclass, but without slots=True: instances keep their __dict__.
from dataclasses import dataclass


class Record:
    __slots__ = ()
    fields = ()

    def as_dict(self):
        return {name: getattr(self, name) for name in self.fields}


@dataclass
class MetricPoint(Record):
    run: str
    step: int
    value: float

    fields = ("run", "step", "value")
