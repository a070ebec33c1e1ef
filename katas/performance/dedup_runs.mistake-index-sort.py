def unique_runs(run_ids):
    return sorted(set(run_ids), key=run_ids.index)
