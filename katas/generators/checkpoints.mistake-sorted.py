"""A wrong answer: the steps are sorted; the task keeps the order they were given in."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = sorted(steps)

    def __iter__(self):
        return iter([f"{self.run}/step-{step}" for step in self.steps])
