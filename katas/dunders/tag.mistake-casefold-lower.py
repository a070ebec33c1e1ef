# __eq__ folds case with casefold(), __hash__ with lower(): equal tags with
# non-ASCII names (Straße / STRASSE) get different hashes.

class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def __eq__(self, other):
        if not isinstance(other, Tag):
            return NotImplemented
        return self.name.casefold() == other.name.casefold()

    def __hash__(self):
        return hash(self.name.lower())
