def unique_runs(run_ids):
    return list(set(run_ids))
