"""A wrong answer: a generator, but it reads the whole stream before the first batch."""


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")
    items = list(stream)

    def batches():
        for i in range(0, len(items), n):
            yield tuple(items[i:i + n])

    return batches()
