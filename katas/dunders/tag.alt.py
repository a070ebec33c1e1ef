# Normalise once in __init__ and keep the original spelling for repr.


class Tag:
    __slots__ = ("name", "_folded")

    def __init__(self, name):
        self.name = name
        self._folded = name.lower()

    def __repr__(self):
        return "Tag(" + repr(self.name) + ")"

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._folded == other._folded

    def __hash__(self):
        return hash(("Tag", self._folded))
