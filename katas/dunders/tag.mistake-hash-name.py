# Hashes the name as written, while __eq__ ignores case.


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def __eq__(self, other):
        if not isinstance(other, Tag):
            return NotImplemented
        return self.name.lower() == other.name.lower()

    def __hash__(self):
        return hash(self.name)
