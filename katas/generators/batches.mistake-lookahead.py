"""A wrong answer: a full batch is handed out only when the item after it arrives."""


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")

    def batches():
        batch = []
        for item in stream:
            if len(batch) == n:
                yield tuple(batch)
                batch = []
            batch.append(item)
        if batch:
            yield tuple(batch)

    return batches()
