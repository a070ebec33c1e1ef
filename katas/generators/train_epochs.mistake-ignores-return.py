"""A wrong answer: yield from delegates, but what epoch() returns is thrown away."""


class SkipBatch(Exception):
    """Thrown into a running epoch: the loss just yielded does not count."""


def epoch(number, losses):
    """Yield one record per step; return the lowest loss that counted.

    Sending "stop" in reply to a record ends the epoch after that step.
    Throwing SkipBatch in drops the loss just yielded from the best.
    (Given: do not change.)
    """
    best = None
    for step, loss in enumerate(losses):
        try:
            command = yield ("step", number, step, loss)
        except SkipBatch:
            continue
        if best is None or loss < best:
            best = loss
        if command == "stop":
            break
    return best


def train(epochs):
    bests = []
    for number, losses in enumerate(epochs):
        best = None
        yield from epoch(number, losses)
        bests.append(best)
        yield ("epoch", number, best)
    return bests
