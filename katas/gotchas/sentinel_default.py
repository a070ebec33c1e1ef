"""A default that can be anything, None included.

metric(run, name, default=...) returns run["metrics"][name]. When the run has
no such metric it returns `default` if the caller gave one (any value: None,
0 and [] included), and raises KeyError(name) if the caller gave none.
A metric stored as None or 0 is a real value, not a missing one.
"""


def metric(run, name, default=None):
    value = run["metrics"].get(name)
    if value is None:
        if default is None:
            raise KeyError(name)
        return default
    return value


if __name__ == "__main__":
    run = {"name": "baseline", "metrics": {"loss": 0.25, "val_loss": None, "epochs": 0}}
    print(metric(run, "loss"))                   # 0.25
    print(metric(run, "epochs"))                 # 0
    print(metric(run, "val_loss"))               # None: logged as None
    print(metric(run, "f1", default=None))       # None: the caller's default
    try:
        metric(run, "f1")
    except KeyError as error:
        print("missing:", error)                 # missing: 'f1'
