"""A new config that leaves the old one alone: a hand-written recursive copy."""


def _clone(value):
    if isinstance(value, dict):
        return {key: _clone(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clone(item) for item in value]
    return value          # str, int, float, None: immutable, safe to share


def derive_config(base, lr):
    new = _clone(base)
    new["params"] = {**new["params"], "lr": lr}
    return new
