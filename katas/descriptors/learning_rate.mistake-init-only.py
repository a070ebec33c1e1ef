# Validates in the constructor only: later assignments bypass the check.


class TrainingConfig:
    def __init__(self, lr):
        if lr <= 0:
            raise ValueError(f"lr must be greater than 0, got {lr!r}")
        self.lr = lr
