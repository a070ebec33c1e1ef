"""A wrong answer: `if not losses` is always false for a stream, even an empty one."""


def summarize(losses):
    if not losses:
        return (0, None, None)
    values = list(losses)
    return (len(values), sum(values) / len(values), min(values))
