# The same property, built without decorator syntax: property(getter, setter).


def _check_positive(value):
    if not value > 0:
        raise ValueError(f"learning rate must be positive (got {value})")
    return value


class TrainingConfig:
    def __init__(self, lr):
        self.lr = lr

    def _get_lr(self):
        return self.__dict__["learning_rate"]

    def _set_lr(self, value):
        self.__dict__["learning_rate"] = _check_positive(value)

    lr = property(_get_lr, _set_lr, doc="Learning rate, always > 0.")
