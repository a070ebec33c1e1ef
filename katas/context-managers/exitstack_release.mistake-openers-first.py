"""Mistake: opener(name) is called for every name before any resource is entered."""
from contextlib import ExitStack, contextmanager


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
    managers = [opener(name) for name in names]
    with ExitStack() as stack:
        yield [stack.enter_context(m) for m in managers]
