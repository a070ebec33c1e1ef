"""Uses match, but only for lists: tuples fall to the default."""


def route(event):
    match event:
        case {"type": "metric", "name": str(name), "value": int() | float() as value}:
            return ("metric", name, float(value))
        case {"type": "tag", "run": str(run), "tags": list(tags)}:
            return ("tag", run, tuple(tags))
        case list(["checkpoint", str(run), int(step)]):
            return ("checkpoint", run, step)
        case list(["log", str(run), *messages]):
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)
