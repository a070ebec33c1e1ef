"""Same value, different object: a comprehension comparing (step, status) pairs."""


def runs_at(runs, step, status):
    wanted = (step, status)
    return [
        run["name"]
        for run in runs
        if run["step"] is not None and (run["step"], run["status"]) == wanted
    ]
