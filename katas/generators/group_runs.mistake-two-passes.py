"""A wrong answer: one pass to find the runs, then one pass per run; a stream has only one."""


def losses_by_run(records):
    runs = {run for run, _step, _loss in records}
    return {run: [loss for name, _step, loss in records if name == run] for run in runs}
