"""A wrong answer: the batches are lists, not tuples."""
from itertools import islice


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(stream)

    def batches():
        while batch := list(islice(it, n)):
            yield batch

    return batches()
