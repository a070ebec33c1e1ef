"""Wrong on purpose: `if not run["step"]` also skips the runs at step 0."""


def runs_at(runs, step, status):
    found = []
    for run in runs:
        if not run["step"]:
            continue
        if run["step"] == step and run["status"] == status:
            found.append(run["name"])
    return found
