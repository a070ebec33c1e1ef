"""Read the stream once into a list, then ask the list as often as needed."""


def summarize(losses):
    values = list(losses)
    if not values:
        return (0, None, None)
    return (len(values), sum(values) / len(values), min(values))
