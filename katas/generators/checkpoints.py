"""A run's checkpoints, readable any number of times.

Checkpoints(run, steps): iterating yields f"{run}/step-{step}" for each
step, in the order given. Every loop starts from the first checkpoint, and
two loops can run at once. `steps` may be any iterable (a generator too):
the collection keeps its own copy, read once when it is built.
iter(checkpoints) is an iterator: iter() of it is itself, and once it is
used up, next() keeps raising StopIteration.
"""


class Checkpoints:
    def __init__(self, run, steps):
        self.run = run
        self.steps = steps
        self.position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.position >= len(self.steps):
            raise StopIteration
        step = self.steps[self.position]
        self.position += 1
        return f"{self.run}/step-{step}"


if __name__ == "__main__":
    saved = Checkpoints("run-7", [100, 200, 300])
    print(list(saved))   # ['run-7/step-100', 'run-7/step-200', 'run-7/step-300']
    print(list(saved))   # the same again, not []
