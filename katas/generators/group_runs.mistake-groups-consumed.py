"""A wrong answer: the groups are collected first and read afterwards, when groupby has moved on."""
from itertools import groupby
from operator import itemgetter


def losses_by_run(records):
    groups = list(groupby(sorted(records, key=itemgetter(0)), key=itemgetter(0)))
    return {run: [loss for _run, _step, loss in group] for run, group in groups}
