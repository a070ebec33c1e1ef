"""A wrong answer: only generators are copied into a list; a map or another iterator is not."""
import types


def summarize(losses):
    if isinstance(losses, types.GeneratorType):
        losses = list(losses)
    if len(losses) == 0:
        return (0, None, None)
    return (len(losses), sum(losses) / len(losses), min(losses))
