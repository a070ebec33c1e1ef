"""batched as an iterator class: __init__ checks n, __next__ builds one batch."""


class batched:
    def __init__(self, stream, n):
        if n < 1:
            raise ValueError("n must be at least one")
        self._items = iter(stream)
        self._size = n

    def __iter__(self):
        return self

    def __next__(self):
        batch = []
        for item in self._items:
            batch.append(item)
            if len(batch) == self._size:
                break
        if not batch:
            raise StopIteration
        return tuple(batch)
