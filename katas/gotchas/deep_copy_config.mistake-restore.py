"""Wrong on purpose: writes lr into base, copies, then puts the old value back."""
import copy


def derive_config(base, lr):
    old = base["params"]["lr"]
    base["params"]["lr"] = lr
    new = copy.deepcopy(base)
    base["params"]["lr"] = old
    return new
