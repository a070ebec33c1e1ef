"""The watched name is written as a bare name in the pattern."""

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
        case Metric(WATCHED, int() | float() as value) if value > limit:
            return ("alert", WATCHED, value)
        case Metric(name, int() | float() as value):
            return ("ok", name, value)
        case Metric(name, _):
            return ("invalid", name)
        case _:
            return ("ignored", event)

