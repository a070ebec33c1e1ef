class TrainingConfig:
    def __init__(self, lr):
        self.lr = lr  # goes through the setter below

    @property
    def lr(self):
        return self._lr

    @lr.setter
    def lr(self, value):
        if not value > 0:  # also rejects NaN, for which every comparison is false
            raise ValueError(f"lr must be greater than 0, got {value!r}")
        self._lr = value


if __name__ == "__main__":
    cfg = TrainingConfig(0.001)
    try:
        cfg.lr = -0.01
    except ValueError as exc:
        print("rejected:", exc)
    print("lr is still", cfg.lr)
