"""A wrong answer: the batch is yielded before checking whether it is empty."""
from itertools import islice


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(stream)

    def batches():
        while True:
            batch = tuple(islice(it, n))
            yield batch
            if len(batch) < n:
                return

    return batches()
