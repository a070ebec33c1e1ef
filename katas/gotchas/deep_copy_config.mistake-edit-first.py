"""Wrong on purpose: deep-copies, but sets lr on the original first."""
import copy


def derive_config(base, lr):
    base["params"]["lr"] = lr
    return copy.deepcopy(base)
