"""A new config that leaves the old one alone.

derive_config(base, lr) returns a config equal to base except that
config["params"]["lr"] is lr. base must never change, not even when the
returned config is edited later at any depth.
"""
import copy


def derive_config(base, lr):
    new = copy.copy(base)
    new["params"]["lr"] = lr
    return new


if __name__ == "__main__":
    base = {"model": "mlp", "params": {"lr": 0.1, "layers": [64, 32]}, "tags": ["baseline"]}
    tuned = derive_config(base, 0.01)
    tuned["params"]["layers"].append(16)
    print(tuned)
    print(base)    # should still have lr 0.1 and layers [64, 32]
