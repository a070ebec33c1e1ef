"""Route tracker events with structural pattern matching."""


def route(event):
    match event:
        case {"type": "metric", "name": str(name), "value": int() | float() as value} if not isinstance(value, bool):
            return ("metric", name, float(value))
        case {"type": "tag", "run": str(run), "tags": list(tags)}:
            return ("tag", run, tuple(tags))
        case ["checkpoint", str(run), int(step)] if not isinstance(step, bool):
            return ("checkpoint", run, step)
        case ["log", str(run), *messages]:
            return ("log", run, tuple(messages))
        case _:
            return ("unknown", event)


if __name__ == "__main__":
    for event in [
        {"type": "metric", "name": "loss", "value": 0.25},
        ["checkpoint", "r7", 1200],
        ("checkpoint", "r7", 1300),
        {"type": "metric", "name": "loss"},
        "checkpoint r7 1400",
    ]:
        print(route(event))
