"""Remove repeated run ids, keeping the first occurrence of each, in order.

The tracker's event log repeats run ids a lot. This works, but `x not in
unique` scans the whole list every time: quadratic, and painfully slow on
a day's log.
"""


def unique_runs(run_ids):
    """The distinct run ids, in the order they first appear."""
    unique = []
    for run_id in run_ids:
        if run_id not in unique:
            unique.append(run_id)
    return unique


if __name__ == "__main__":
    print(unique_runs(["r3", "r1", "r3", "r2", "r1"]))
