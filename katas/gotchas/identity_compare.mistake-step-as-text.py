"""Mistake: the steps are compared as text, so a step logged as 5.0 is not step 5."""
def runs_at(runs, step, status):
    return [r["name"] for r in runs if r["step"] is not None and str(r["step"]) == str(step) and r["status"] == status]
