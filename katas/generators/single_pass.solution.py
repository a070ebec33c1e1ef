"""Summarize a run's losses in one pass.

summarize(losses) returns (count, mean, best): how many losses, their mean
(a float) and the lowest one; (0, None, None) when there are none.
`losses` is any iterable of numbers: a list, or a stream that can be read
only once (a generator, a map, an open file's values).
"""


def summarize(losses):
    count = 0
    total = 0
    best = None
    for loss in losses:          # the only pass over the stream
        count += 1
        total += loss
        if best is None or loss < best:
            best = loss
    if count == 0:
        return (0, None, None)
    return (count, total / count, best)
