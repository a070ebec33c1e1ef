"""A run's checkpoints, readable any number of times.

Checkpoints(run, steps): iterating yields f"{run}/step-{step}" for each
step, in the order given. Every loop starts from the first checkpoint, and
two loops can run at once. `steps` may be any iterable (a generator too):
the collection keeps its own copy, read once when it is built.
iter(checkpoints) is an iterator: iter() of it is itself, and once it is
used up, next() keeps raising StopIteration.
"""


class Checkpoints:
    """The iterable: it holds the steps and hands out a new cursor per loop."""

    def __init__(self, run, steps):
        self.run = run
        self._steps = list(steps)   # a copy: a generator of steps can be read only once

    def __iter__(self):
        return CheckpointCursor(self.run, self._steps)


class CheckpointCursor:
    """The iterator: one position, moving forward only."""

    def __init__(self, run, steps):
        self._run = run
        self._steps = steps
        self._position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._position >= len(self._steps):
            raise StopIteration
        step = self._steps[self._position]
        self._position += 1
        return f"{self._run}/step-{step}"
