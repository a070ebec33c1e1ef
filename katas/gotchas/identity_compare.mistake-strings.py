"""A wrong answer: the steps use == but the status is still compared with `is`."""


def runs_at(runs, step, status):
    found = []
    for run in runs:
        if run["step"] is None:
            continue
        if run["step"] == step and run["status"] is status:
            found.append(run["name"])
    return found
