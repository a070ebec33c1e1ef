"""Summarize a run's losses in one pass.

summarize(losses) returns (count, mean, best): how many losses, their mean
(a float) and the lowest one; (0, None, None) when there are none.
`losses` is any iterable of numbers: a list, or a stream that can be read
only once (a generator, a map, an open file's values).
"""


def summarize(losses):
    if not losses:
        return (0, None, None)
    return (len(losses), sum(losses) / len(losses), min(losses))


if __name__ == "__main__":
    print(summarize([0.75, 0.5, 0.25]))                # (3, 0.5, 0.25)
    print(summarize(float(x) for x in ["0.9", "0.5"]))  # (2, 0.7, 0.5)
