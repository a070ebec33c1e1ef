# A wrong answer learners really write. `verify` proves it does not pass
# and that it fires the mistake detector `sorted-set`.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return sorted(set(items))
