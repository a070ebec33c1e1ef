"""Any number of resources, released in reverse: recursion builds nested with statements."""
from contextlib import contextmanager


class Shard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"close {self.name}")
        return False


def open_shard(name):
    return Shard(name)


@contextmanager
def open_all(names, opener=open_shard):
    names = list(names)
    if not names:
        yield []
        return
    with opener(names[0]) as first:                    # opened first, closed last
        with open_all(names[1:], opener) as rest:
            yield [first, *rest]
