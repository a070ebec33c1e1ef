# The setter assigns to self.lr, which calls the setter again, forever.


class TrainingConfig:
    def __init__(self, lr):
        self.lr = lr

    @property
    def lr(self):
        return self.lr

    @lr.setter
    def lr(self, value):
        if value <= 0:
            raise ValueError(f"lr must be greater than 0, got {value!r}")
        self.lr = value
