"""A wrong answer: the top level and params are copied, but the lists inside are shared."""


def derive_config(base, lr):
    new = dict(base)
    new["params"] = dict(base["params"])
    new["params"]["lr"] = lr
    return new
