"""Mistake: a float index such as 1.0 is converted to an int instead of refused."""
class MetricSeries:
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

    def __len__(self):
        return len(self._values)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return MetricSeries(self._values[i])
        if isinstance(i, float) and i.is_integer():
            i = int(i)
        return self._values[i]
    def __iter__(self):
        return iter(self._values)
    def __eq__(self, other):
        if not isinstance(other, MetricSeries):
            return NotImplemented
        return self._values == other._values
    __hash__ = None
