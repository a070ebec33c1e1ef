"""A run's status must be computed, never overwritten.

A script once did `run.status = "finished"` to silence a dashboard. That
quietly replaced the method on that one run, and the next `run.status()`
crashed with "'str' object is not callable". Make `status` a read-only
attribute: data descriptors such as property cannot be shadowed by the
instance, plain methods can.
"""


import functools


class Run:
    def __init__(self, name, epochs):
        self.name = name
        self.epochs = epochs
        self.losses = []

    def log(self, loss):
        self.losses.append(loss)

    @functools.cached_property
    def status(self):
        if not self.losses:
            return "pending"
        if len(self.losses) >= self.epochs:
            return "finished"
        return "running"

    def describe(self):
        return f"{self.name}: {self.status} after {len(self.losses)}/{self.epochs} epochs"


if __name__ == "__main__":
    run = Run("baseline", epochs=3)
    run.log(0.9)
    run.status = "finished"  # silently accepted today
    try:
        print(run.describe())
    except TypeError as exc:  # 'str' object is not callable
        print("describe() broke:", exc)
