"""A wrong answer: sorting whole records also reorders each run's losses by step."""
from itertools import groupby
from operator import itemgetter


def losses_by_run(records):
    return {
        run: [loss for _run, _step, loss in group]
        for run, group in groupby(sorted(records), key=itemgetter(0))
    }
