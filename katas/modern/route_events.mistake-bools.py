"""Every capture is typed, but int() lets True and False through as numbers."""


def route(event):
    match event:
        case {"type": "metric", "name": str(name), "value": int() | float() as value}:
            return ("metric", name, float(value))
        case {"type": "tag", "run": str(run), "tags": list(tags)}:
            return ("tag", run, tuple(tags))
        case ["checkpoint", str(run), int(step)]:
            return ("checkpoint", run, step)
        case ["log", str(run), *messages]:
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)
