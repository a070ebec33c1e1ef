"""Cut a metrics stream into batches for the database.

batched(stream, n) yields tuples of n items from any iterable, in order;
the last tuple holds what is left (it may be shorter), and no tuple is
empty. It pulls an item from `stream` only when a batch needs it, so it
works on a stream that never ends. n < 1 raises ValueError("n must be at
least one") when batched is called. It must run on Python 3.10, where
itertools.batched (3.12+) does not exist.
"""


def batched(stream, n):
    items = list(stream)
    return [tuple(items[i:i + n]) for i in range(0, len(items), n)]


if __name__ == "__main__":
    print(list(batched([0.9, 0.7, 0.6, 0.5, 0.45], 2)))   # [(0.9, 0.7), (0.6, 0.5), (0.45,)]
    stream = iter(range(10))
    first = next(iter(batched(stream, 3)))
    print(first, next(stream))   # (0, 1, 2) 3: the batch took only what it needed
