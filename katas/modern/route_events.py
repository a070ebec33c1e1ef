"""Route tracker events to the right handler.

Events reach the tracker from several clients, in several shapes:

    {"type": "metric", "name": "loss", "value": 0.25}    -> ("metric", "loss", 0.25)
    {"type": "tag", "run": "r7", "tags": ["best"]}       -> ("tag", "r7", ("best",))
    ["checkpoint", "r7", 1200]                           -> ("checkpoint", "r7", 1200)
    ["log", "r7", "epoch", "done"]                       -> ("log", "r7", ("epoch", "done"))
    anything else                                        -> ("unknown", event)

This version was written with if/elif and indexing. It crashes on some
shapes and misroutes others. Rewrite route() with a match statement.
"""


def route(event):
    if isinstance(event, dict):
        if event["type"] == "metric":
            return ("metric", event["name"], float(event["value"]))
        if event["type"] == "tag":
            return ("tag", event["run"], tuple(event["tags"]))
    if isinstance(event, list):
        if event[0] == "checkpoint":
            return ("checkpoint", event[1], event[2])
        if event[0] == "log":
            return ("log", event[1], tuple(event[2:]))
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
