"""A wrong answer: failures are handled, but resources are released in opening order."""
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
    opened = []
    resources = []
    try:
        for name in names:
            manager = opener(name)
            resources.append(manager.__enter__())
            opened.append(manager)
        yield resources
    finally:
        for manager in opened:
            manager.__exit__(None, None, None)
