"""Wrong on purpose: `status in run["status"]` matches 'done' inside 'undone'."""


def runs_at(runs, step, status):
    found = []
    for run in runs:
        if run["step"] is None:
            continue
        if run["step"] == step and status in run["status"]:
            found.append(run["name"])
    return found
