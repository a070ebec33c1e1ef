"""__iter__ as a generator method: each call makes a new generator, which is an iterator."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = tuple(steps)

    def __iter__(self):
        for step in self.steps:
            yield f"{self.run}/step-{step}"
