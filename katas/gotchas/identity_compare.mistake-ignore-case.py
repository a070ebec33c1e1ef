"""Mistake: the status is compared without case, so "Done" matches "done"."""
def runs_at(runs, step, status):
    return [r["name"] for r in runs if r["step"] is not None and r["step"] == step and r["status"].lower() == status.lower()]
