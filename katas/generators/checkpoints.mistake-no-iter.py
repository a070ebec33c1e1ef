"""A wrong answer: the iterator class has __next__ but no __iter__, so it is not iterable itself."""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = list(steps)

    def __iter__(self):
        return CheckpointCursor(self)


class CheckpointCursor:
    def __init__(self, checkpoints):
        self.checkpoints = checkpoints
        self.position = 0

    def __next__(self):
        steps = self.checkpoints.steps
        if self.position >= len(steps):
            raise StopIteration
        self.position += 1
        return f"{self.checkpoints.run}/step-{steps[self.position - 1]}"
