"""Same routing, one small case per shape, with the type tests in guards."""

from numbers import Real


def route(event):
    match event:
        case {"type": "metric", "name": name, "value": value} if (
            isinstance(name, str) and isinstance(value, Real) and not isinstance(value, bool)
        ):
            return "metric", name, float(value)
        case {"type": "tag", "run": run, "tags": list(tags)} if isinstance(run, str):
            return "tag", run, tuple(tags)
        case ("checkpoint", run, step) if isinstance(run, str) and isinstance(step, int) and not isinstance(step, bool):
            return "checkpoint", run, step
        case ("log", run, *rest) if isinstance(run, str):
            return "log", run, tuple(rest)
    return "unknown", event
