"""A wrong answer: groupby over records that are not sorted by run."""
from itertools import groupby


def losses_by_run(records):
    grouped = {}
    for run, group in groupby(records, key=lambda record: record[0]):
        grouped[run] = [loss for _run, _step, loss in group]
    return grouped
