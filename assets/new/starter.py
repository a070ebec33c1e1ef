# The learner's file. It must not pass: `pykata verify` checks that the
# starter fails, so the kata teaches something.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    return list(set(items))  # a set forgets the order: fix this
