"""A deep copy by a pickle round trip: every level is rebuilt, dict and list subclasses included."""
import pickle
def derive_config(base, lr):
    new = pickle.loads(pickle.dumps(base))
    new["params"]["lr"] = lr
    return new
