"""A wrong answer: the collection is its own iterator, so its one position is used up by the first loop."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = list(steps)
        self.position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.position >= len(self.steps):
            raise StopIteration
        step = self.steps[self.position]
        self.position += 1
        return f"{self.run}/step-{step}"
