"""A wrong answer: one loop for count and total, then min() reads the stream a second time."""


def summarize(losses):
    count = 0
    total = 0
    for loss in losses:
        count += 1
        total += loss
    if count == 0:
        return (0, None, None)
    return (count, total / count, min(losses))
