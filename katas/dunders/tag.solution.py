class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def _key(self):
        return self.name.casefold()

    def __eq__(self, other):
        if not isinstance(other, Tag):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        # Equal objects must have equal hashes: hash what __eq__ compares.
        return hash(self._key())


if __name__ == "__main__":
    tags = {Tag("Baseline"), Tag("baseline"), Tag("lr-sweep")}
    print(sorted(tags, key=repr))
