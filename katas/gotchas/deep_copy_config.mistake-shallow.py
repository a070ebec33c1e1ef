"""A wrong answer: dict() makes a shallow copy, so params is shared."""


def derive_config(base, lr):
    new = dict(base)
    new["params"]["lr"] = lr
    return new
