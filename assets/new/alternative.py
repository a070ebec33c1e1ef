# Another correct solution, written differently: `verify` proves the checks
# accept it too, so they judge behaviour rather than one wording.


def unique(items):
    """Return the items without repeats, in the order they first appear."""
    seen = set()
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result
