"""dicts keep insertion order (3.7+), and their keys are unique."""


def unique_runs(run_ids):
    return list(dict.fromkeys(run_ids))
