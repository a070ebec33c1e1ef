"""Cut a metrics stream into batches for the database.

batched(stream, n) yields tuples of n items from any iterable, in order;
the last tuple holds what is left (it may be shorter), and no tuple is
empty. It pulls an item from `stream` only when a batch needs it, so it
works on a stream that never ends. n < 1 raises ValueError("n must be at
least one") when batched is called. It must run on Python 3.10, where
itertools.batched (3.12+) does not exist.
"""
from itertools import islice


def batched(stream, n):
    # An ordinary function: the check runs at the call, not at the first next().
    if n < 1:
        raise ValueError("n must be at least one")
    return _batches(iter(stream), n)


def _batches(it, n):
    while True:
        batch = tuple(islice(it, n))   # pulls at most n items
        if not batch:
            return
        yield batch
