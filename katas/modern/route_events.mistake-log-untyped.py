"""Every capture is typed but the run of a log event: ["log", 7, ...] passes as a log."""

def route(event):
    match event:
        case {"type": "metric", "name": str(name), "value": int() | float() as value}:
            return ("metric", name, float(value))
        case {"type": "tag", "run": str(run), "tags": list(tags)}:
            return ("tag", run, tuple(tags))
        case ["checkpoint", str(run), int(step)]:
            return ("checkpoint", run, step)
        case ["log", run, *messages]:
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)
