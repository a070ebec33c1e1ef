"""Keyword patterns only: Metric has no __match_args__."""

WATCHED = "loss"


class Metric:
    def __init__(self, name, value, step=0):
        self.name = name
        self.value = value
        self.step = step


def triage(event, limit):
    match event:
        case Metric(name=name, value=bool()):
            return ("invalid", name)
        case Metric(name=name, value=int() | float() as value) if name == WATCHED and value > limit:
            return ("alert", name, value)
        case Metric(name=name, value=int() | float() as value):
            return ("ok", name, value)
        case Metric(name=name):
            return ("invalid", name)
        case _:
            return ("ignored", event)

