"""A run's metric values, as a real sequence."""


class MetricSeries:
    """The values of one metric, in the order they were logged."""

    def __init__(self, values=()):
        self._values = list(values)

    def append(self, value):
        self._values.append(value)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return MetricSeries(self._values[index])
        return self._values[index]  # ints, negative ones too; IndexError past the end

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, value):
        return value in self._values

    def __eq__(self, other):
        return isinstance(other, MetricSeries) and self._values == other._values

    # Defining __eq__ already sets __hash__ to None; saying it documents that
    # a mutable series must not be a set member or a dict key.
    __hash__ = None

