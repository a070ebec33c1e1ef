"""Triage incoming metrics with pattern matching.

The tracker watches one metric (WATCHED) and raises an alert when its
value goes above a limit. Metric objects come from the client library;
give Metric a __match_args__ so patterns can take name and value by
position, then rewrite triage() with a match statement.
"""

WATCHED = "loss"


class Metric:
    def __init__(self, name, value, step=0):
        self.name = name
        self.value = value
        self.step = step


def triage(event, limit):
    if isinstance(event, Metric):
        if isinstance(event.value, (int, float)):
            if event.name == "loss" and event.value > limit:
                return ("alert", event.name, event.value)
            return ("ok", event.name, event.value)
        return ("invalid", event.name)
    return ("ignored", event)


if __name__ == "__main__":
    print(triage(Metric("loss", 2.5), 1.0))
    print(triage(Metric("acc", 0.9), 1.0))
    print(triage(Metric("loss", True), 0.5))
    print(triage({"name": "loss"}, 1.0))
