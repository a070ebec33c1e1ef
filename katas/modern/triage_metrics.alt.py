"""Keyword patterns inside triage, type tests in guards; __match_args__ for other code."""

WATCHED = "loss"


class Metric:
    __match_args__ = "name", "value"

    def __init__(self, name, value, step=0):
        self.name, self.value, self.step = name, value, step


def _is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def triage(event, limit):
    match event:
        case Metric(name=name, value=value) if not _is_number(value):
            return "invalid", name
        case Metric(name=name, value=value) if name == WATCHED and value > limit:
            return "alert", name, value
        case Metric(name=name, value=value):
            return "ok", name, value
    return "ignored", event
