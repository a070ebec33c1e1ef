# __eq__ catches AttributeError, so a Tag equals any object whose .name
# matches, such as a run named 'baseline'.

class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def __eq__(self, other):
        try:
            return self.name.lower() == other.name.lower()
        except AttributeError:
            return False

    def __hash__(self):
        return hash(self.name.lower())
