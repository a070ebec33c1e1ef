"""Remove repeated run ids, keeping the first occurrence of each, in order."""


def unique_runs(run_ids):
    """The distinct run ids, in the order they first appear."""
    seen = set()
    unique = []
    for run_id in run_ids:
        if run_id not in seen:  # a hash lookup, not a scan
            seen.add(run_id)
            unique.append(run_id)
    return unique


if __name__ == "__main__":
    print(unique_runs(["r3", "r1", "r3", "r2", "r1"]))
