"""A wrong answer: islice over the stream itself; over a list it starts at the front every time."""
from itertools import islice


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")

    def batches():
        while True:
            batch = tuple(islice(stream, n))
            if not batch:
                return
            yield batch

    return batches()
