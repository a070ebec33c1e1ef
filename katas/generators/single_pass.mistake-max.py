"""A wrong answer: the best loss is taken as the highest, not the lowest."""


def summarize(losses):
    values = list(losses)
    if not values:
        return (0, None, None)
    return (len(values), sum(values) / len(values), max(values))
