"""Wrong on purpose: the None test is gone, so step None matches step None."""


def runs_at(runs, step, status):
    return [run["name"] for run in runs if run["step"] == step and run["status"] == status]
