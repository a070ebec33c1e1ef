"""Same value, different object.

runs_at(runs, step, status) returns, in order, the names of the runs whose
"step" equals step and whose "status" equals status. A run with step None has
not logged anything yet and never matches.
"""


def runs_at(runs, step, status):
    found = []
    for run in runs:
        if run["step"] is None:
            continue
        if run["step"] is step and run["status"] is status:
            found.append(run["name"])
    return found


if __name__ == "__main__":
    runs = [
        {"name": "baseline", "step": 10, "status": "done"},
        {"name": "wide", "step": 20, "status": "done"},
        {"name": "fresh", "step": None, "status": "running"},
    ]
    print(runs_at(runs, 10, "done"))             # ['baseline']: looks fine...
    from_log = {"name": "long", "step": int("5000"), "status": "".join(["do", "ne"])}
    print(runs_at(runs + [from_log], int("5000"), "done"))   # ['long'] expected
