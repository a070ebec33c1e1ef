"""No groupby at all: one pass, appending to a list per run."""


def losses_by_run(records):
    grouped = {}
    for run, _step, loss in records:
        grouped.setdefault(run, []).append(loss)
    return grouped
