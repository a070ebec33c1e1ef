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
    bests = []
    for number, losses in enumerate(epochs):
        for record in epoch(number, losses):
            yield record
        best = min(losses, default=None)
        bests.append(best)
        yield ("epoch", number, best)
    return bests


if __name__ == "__main__":
    run = train([[0.9, 0.7, 0.8], [0.6, 0.5]])
    print(next(run))            # ('step', 0, 0, 0.9)
    print(run.send("stop"))     # should end epoch 0 early: ('epoch', 0, 0.9)
    print(list(run))
