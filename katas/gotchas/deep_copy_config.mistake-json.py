"""Mistake: copying through a JSON round trip turns number keys into strings."""
import json
def derive_config(base, lr):
    new = json.loads(json.dumps(base))
    new["params"]["lr"] = lr
    return new
