"""Same value, different object: a sentinel of our own marks the runs that logged nothing."""

_NOT_LOGGED = object()   # one marker object; no step read from a log can be it


def _logged_step(run):
    step = run["step"]
    return _NOT_LOGGED if step is None else step


def runs_at(runs, step, status):
    found = []
    for run in runs:
        logged = _logged_step(run)
        if logged is _NOT_LOGGED:      # "the same object?": the right question for a sentinel
            continue
        if logged == step and run["status"] == status:
            found.append(run["name"])
    return found
