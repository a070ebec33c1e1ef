"""The names are built once; __iter__ hands out a new list iterator over them for each loop."""


class Checkpoints:
    def __init__(self, run, steps):
        self._names = [f"{run}/step-{step}" for step in steps]

    def __iter__(self):
        return iter(self._names)
