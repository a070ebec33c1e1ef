"""A run's metric values, through collections.abc.Sequence.

Sequence supplies __iter__, __contains__, __reversed__, index and count
from __len__ and __getitem__ alone.
"""
from collections.abc import Sequence
import operator


class MetricSeries(Sequence):
    def __init__(self, values=()):
        self._values = [*values]

    def append(self, value):
        self._values.append(value)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, index):
        if type(index) is slice:
            start, stop, step = index.indices(len(self._values))
            return type(self)(self._values[i] for i in range(start, stop, step))
        position = operator.index(index)
        if position < 0:
            position += len(self._values)
        if not 0 <= position < len(self._values):
            raise IndexError(f"series index {index} out of range")
        return self._values[position]

    def __eq__(self, other):
        if isinstance(other, MetricSeries):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None
