"""A wrong answer: len() and indexing assume a list; a stream has no length."""


def summarize(losses):
    if len(losses) == 0:
        return (0, None, None)
    return (len(losses), sum(losses) / len(losses), min(losses))
