"""Mistake: the setter stores float(value), not the value that was set."""
class TrainingConfig:
    def __init__(self, lr):
        self.lr = lr
    @property
    def lr(self):
        return self._lr
    @lr.setter
    def lr(self, value):
        value = float(value)
        if not value > 0:
            raise ValueError("lr must be > 0")
        self._lr = value
