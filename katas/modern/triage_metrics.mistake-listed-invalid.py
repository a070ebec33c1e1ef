WATCHED = "loss"


class Metric:
    __match_args__ = ("name", "value")
    step = 0

    def __init__(self, name, value, step=0):
        self.name = name
        self.value = value
        self.step = step


def triage(event, limit):
    match event:
        case Metric(name, bool()):
            return ("invalid", name)
        case Metric(name, int() | float() as value) if name == WATCHED and value > limit:
            return ("alert", name, value)
        case Metric(name, int() | float() as value):
            return ("ok", name, value)
        case Metric(name=name, value=None) | Metric(name=name, value=str()):
            return ("invalid", name)
        case _:
            return ("ignored", event)
