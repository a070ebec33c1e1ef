_seen = set()


def unique_runs(run_ids):
    unique = []
    for run_id in run_ids:
        if run_id not in _seen:
            _seen.add(run_id)
            unique.append(run_id)
    return unique
