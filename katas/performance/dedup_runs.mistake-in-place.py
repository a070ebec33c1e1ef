def unique_runs(run_ids):
    seen = set()
    kept = []
    for r in run_ids:
        if r not in seen:
            seen.add(r)
            kept.append(r)
    run_ids[:] = kept
    return run_ids
