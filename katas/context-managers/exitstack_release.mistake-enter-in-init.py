"""Mistake: the resources are entered in __init__, when open_all(...) is called."""
from contextlib import ExitStack


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


class open_all:
    def __init__(self, names, opener=open_shard):
        self.stack = ExitStack()
        with ExitStack() as stack:
            self.resources = [stack.enter_context(opener(n)) for n in names]
            self.stack = stack.pop_all()
    def __enter__(self):
        return self.resources
    def __exit__(self, *exc):
        return self.stack.__exit__(*exc)
