"""A training config whose learning rate refuses nonsense.

Today `lr` is a plain attribute, so TrainingConfig(-0.01) and cfg.lr = 0
are both accepted and the run diverges hours later. Make `lr` a property
whose setter rejects values that are not greater than 0.
"""


class TrainingConfig:
    def __init__(self, lr):
        self.lr = lr

    @property
    def lr(self):
        return TrainingConfig._lr

    @lr.setter
    def lr(self, value):
        if value <= 0:
            raise ValueError("lr must be > 0")
        TrainingConfig._lr = value


if __name__ == "__main__":
    cfg = TrainingConfig(0.001)
    cfg.lr = -0.01  # should raise ValueError
    print("accepted", cfg.lr)
