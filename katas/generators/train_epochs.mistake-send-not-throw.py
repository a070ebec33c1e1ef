"""Train for several epochs by delegating to epoch().

train(epochs) numbers the epochs from 0 and, for each list of losses,
delegates to epoch(number, losses): every record passes through to the
caller, values sent to train reach the running epoch, and exceptions thrown
into train are thrown into it. After each epoch train yields
("epoch", number, best), best being what epoch returned; at the end it
returns the list of those bests.
"""


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
    # Wrong: send() is passed on by hand, throw() is not.
    bests = []
    for number, losses in enumerate(epochs):
        sub = epoch(number, losses)
        try:
            record = next(sub)
            while True:
                sent = yield record
                record = sub.send(sent)
        except StopIteration as stop:
            best = stop.value
        bests.append(best)
        yield ("epoch", number, best)
    return bests
