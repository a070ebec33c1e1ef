"""A run schema where a name defined twice is an error, not a silent overwrite.

In a long class body it is easy to define `learning_rate` twice; Python
keeps the second definition and says nothing. StrictMeta should make such a
class statement fail with TypeError.
"""


class StrictMeta(type):
    """Metaclass for schemas: a name bound twice in one class body is an error."""

    # TODO


class RunSchema(metaclass=StrictMeta):
    """The fields every run records."""

    def learning_rate(self):
        return 1e-3

    def batch_size(self):
        return 32


if __name__ == "__main__":

    class Oops(RunSchema):
        def epochs(self):
            return 10

        def epochs(self):  # the duplicate: should fail right here
            return 20

    print("the duplicate went unnoticed; epochs() is", Oops().epochs())
