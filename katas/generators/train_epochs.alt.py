"""Delegation written out by hand: what yield from does, send, throw and close forwarded, the return value read from StopIteration."""


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
    number = 0
    for losses in epochs:
        sub = epoch(number, losses)
        try:
            record = next(sub)
            while True:
                try:
                    reply = yield record
                except GeneratorExit:
                    sub.close()
                    raise
                except BaseException as error:
                    record = sub.throw(error)
                else:
                    record = sub.send(reply)
        except StopIteration as finished:
            best = finished.value
        bests.append(best)
        yield ("epoch", number, best)
        number += 1
    return bests
