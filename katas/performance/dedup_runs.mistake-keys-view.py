def unique_runs(run_ids):
    return dict.fromkeys(run_ids).keys()
