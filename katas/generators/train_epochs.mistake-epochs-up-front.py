"""Mistake: all of epochs is read with list() before the first epoch runs."""
class SkipBatch(Exception):
    """Thrown into a running epoch: the loss just yielded does not count."""


def epoch(number, losses):
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
    epochs = list(epochs)
    for number in range(len(epochs)):
        best = yield from epoch(number, epochs[number])
        bests.append(best)
        yield ("epoch", number, best)
    return bests
