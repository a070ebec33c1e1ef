"""Also right: `is` against a name the file binds to None is a test for None."""

NOT_STARTED = None
def runs_at(runs, step, status):
    found = []
    for run in runs:
        if run["step"] is NOT_STARTED:
            continue
        if run["step"] == step and run["status"] == status:
            found.append(run["name"])
    return found
