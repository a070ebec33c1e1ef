"""Run tags that can be collected in sets and used as dict keys.

Tags ignore case: Tag("Baseline") and Tag("baseline") are the same tag, but
the repr keeps the spelling it was created with. Defining __eq__ made the
class unhashable, so {Tag("baseline")} raises TypeError today, and comparing
a Tag with a plain string crashes.
"""


class Tag:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tag({self.name!r})"

    def __eq__(self, other):
        return self.name.lower() == other.name.lower()


if __name__ == "__main__":
    print(Tag("Baseline") == Tag("baseline"))
    try:
        print({Tag("Baseline"), Tag("baseline")})
    except TypeError as exc:
        print("cannot put tags in a set:", exc)
