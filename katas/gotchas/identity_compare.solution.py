"""Same value, different object: reference solution."""


def runs_at(runs, step, status):
    found = []
    for run in runs:
        if run["step"] is None:
            continue
        if run["step"] == step and run["status"] == status:
            found.append(run["name"])
    return found
