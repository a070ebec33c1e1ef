"""A wrong answer: zip over n references to one iterator drops the short last batch."""


def batched(stream, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(stream)
    return zip(*[it] * n)
