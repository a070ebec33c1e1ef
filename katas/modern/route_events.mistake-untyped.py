"""Matches the shapes, but captures values without checking their types."""


def route(event):
    match event:
        case {"type": "metric", "name": name, "value": value}:
            return ("metric", name, value)
        case {"type": "tag", "run": run, "tags": [*tags]}:
            return ("tag", run, tuple(tags))
        case ["checkpoint", run, step]:
            return ("checkpoint", run, step)
        case ["log", run, *messages]:
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)
