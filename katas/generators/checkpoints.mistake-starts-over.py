"""A wrong answer: the iterator rewinds when it reaches the end, so a used-up iterator starts over."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = list(steps)

    def __iter__(self):
        return CheckpointCursor(self.run, self.steps)


class CheckpointCursor:
    def __init__(self, run, steps):
        self.run = run
        self.steps = steps
        self.position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.position >= len(self.steps):
            self.position = 0
            raise StopIteration
        self.position += 1
        return f"{self.run}/step-{self.steps[self.position - 1]}"
