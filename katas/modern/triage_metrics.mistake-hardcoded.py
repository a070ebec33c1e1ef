"""The watched name is written out as "loss" instead of read from WATCHED."""

WATCHED = "loss"


class Metric:
    __match_args__ = ("name", "value")

    def __init__(self, name, value, step=0):
        self.name = name
        self.value = value
        self.step = step


def triage(event, limit):
    match event:
        case Metric(name, bool()):
            return ("invalid", name)
        case Metric(name, int() | float() as value) if name == "loss" and value > limit:
            return ("alert", name, value)
        case Metric(name, int() | float() as value):
            return ("ok", name, value)
        case Metric(name, _):
            return ("invalid", name)
        case _:
            return ("ignored", event)

