# The reference solution: `verify` proves it passes every check, and a
# learner sees it with `pykata solution` once they have passed.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return list(dict.fromkeys(items))
