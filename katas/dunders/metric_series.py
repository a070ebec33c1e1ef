"""A run's metric values, as a real sequence.

The plotting code was written for lists: it calls len(series), reads
series[-1], slices series[-100:], loops over it, asks `0.5 in series`, and
compares two series with ==. MetricSeries has only named methods, so all of
that fails. Give it the sequence protocol.
"""


class MetricSeries:
    """The values of one metric, in the order they were logged."""

    def __init__(self, values=()):
        self._values = list(values)

    def append(self, value):
        self._values.append(value)

    def size(self):
        return len(self._values)

    def get(self, i):
        return self._values[i]

    def to_list(self):
        return list(self._values)

    # TODO: __len__, __getitem__ (ints, negative ints, slices), __iter__,
    # __contains__, __eq__ (NotImplemented for other types), and the right
    # __hash__ for a mutable container.


if __name__ == "__main__":
    losses = MetricSeries([0.9, 0.7, 0.4])
    print(len(losses), losses[-1], losses[:2] == MetricSeries([0.9, 0.7]))
