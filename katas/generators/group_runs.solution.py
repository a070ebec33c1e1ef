"""Group a metrics log by run.

losses_by_run(records) takes (run, step, loss) records in the order they
arrived (several runs log at once, so their records interleave; a resumed
run may log an earlier step again) and returns a plain dict mapping each
run to the list of its losses, in arrival order. `records` may be a
one-pass stream.
"""
from itertools import groupby
from operator import itemgetter


def losses_by_run(records):
    # groupby only joins neighbours: sort by run first. sorted() is stable,
    # so each run's records keep their arrival order.
    by_run = sorted(records, key=itemgetter(0))
    return {
        run: [loss for _run, _step, loss in group]   # read each group before groupby moves on
        for run, group in groupby(by_run, key=itemgetter(0))
    }
