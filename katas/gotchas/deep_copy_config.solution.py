"""A new config that leaves the old one alone: reference solution."""
import copy


def derive_config(base, lr):
    new = copy.deepcopy(base)
    new["params"]["lr"] = lr
    return new
