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
    return {
        run: [loss for _run, _step, loss in group]
        for run, group in groupby(records, key=itemgetter(0))
    }


if __name__ == "__main__":
    log = [("a", 1, 0.9), ("b", 1, 0.8), ("a", 2, 0.7), ("b", 2, 0.6)]
    print(losses_by_run(log))     # {'a': [0.9, 0.7], 'b': [0.8, 0.6]}
