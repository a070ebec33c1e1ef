"""A wrong answer: the check on n is in the generator's body, which runs only at the first next()."""
from itertools import islice


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(stream)
    while batch := tuple(islice(it, n)):
        yield batch
