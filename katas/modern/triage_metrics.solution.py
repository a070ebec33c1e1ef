"""Triage incoming metrics with pattern matching."""

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
        case Metric(name, int() | float() as value) if name == WATCHED and value > limit:
            return ("alert", name, value)
        case Metric(name, int() | float() as value):
            return ("ok", name, value)
        case Metric(name, _):
            return ("invalid", name)
        case _:
            return ("ignored", event)


if __name__ == "__main__":
    print(triage(Metric("loss", 2.5), 1.0))
    print(triage(Metric("acc", 0.9), 1.0))
    print(triage(Metric("loss", True), 0.5))
    print(triage({"name": "loss"}, 1.0))
