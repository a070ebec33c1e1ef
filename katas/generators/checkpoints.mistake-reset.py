"""A wrong answer: __iter__ resets one shared position and returns self, so two loops at once collide."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = list(steps)
        self.position = 0

    def __iter__(self):
        self.position = 0
        return self

    def __next__(self):
        if self.position >= len(self.steps):
            raise StopIteration
        step = self.steps[self.position]
        self.position += 1
        return f"{self.run}/step-{step}"
