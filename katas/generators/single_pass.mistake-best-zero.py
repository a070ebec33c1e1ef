"""A wrong answer: the running minimum starts at 0, lower than any real loss."""


def summarize(losses):
    count = 0
    total = 0
    best = 0
    for loss in losses:
        count += 1
        total += loss
        if loss < best:
            best = loss
    if count == 0:
        return (0, None, None)
    return (count, total / count, best)
