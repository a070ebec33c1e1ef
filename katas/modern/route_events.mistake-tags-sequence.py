def route(event):
    match event:
        case {"type": "metric", "value": bool()}:
            return ("unknown", event)
        case {"type": "metric", "name": str(name), "value": int() | float() as value}:
            return ("metric", name, float(value))
        case {"type": "tag", "run": str(run), "tags": [*tags]}:
            return ("tag", run, tuple(tags))
        case ["checkpoint", str(run), int(step)] if not isinstance(step, bool):
            return ("checkpoint", run, step)
        case ["log", str(run), *messages]:
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)
