"""A wrong answer: the status uses == but the step is still compared with `is`."""


def runs_at(runs, step, status):
    return [
        run["name"]
        for run in runs
        if run["step"] is not None and run["step"] is step and run["status"] == status
    ]
