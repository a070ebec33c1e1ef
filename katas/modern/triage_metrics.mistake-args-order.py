"""__match_args__ lists value before name (and triage follows that order)."""

WATCHED = "loss"


class Metric:
    __match_args__ = ("value", "name")

    def __init__(self, name, value, step=0):
        self.name = name
        self.value = value
        self.step = step


def triage(event, limit):
    match event:
        case Metric(bool(), name):
            return ("invalid", name)
        case Metric(int() | float() as value, name) if name == WATCHED and value > limit:
            return ("alert", name, value)
        case Metric(int() | float() as value, name):
            return ("ok", name, value)
        case Metric(_, name):
            return ("invalid", name)
        case _:
            return ("ignored", event)

