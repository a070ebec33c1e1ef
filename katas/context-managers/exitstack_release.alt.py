"""Any number of resources, released in reverse: a class using ExitStack.pop_all()."""
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
        self.names = list(names)
        self.opener = opener
        self._stack = None

    def __enter__(self):
        # If any enter_context fails, this `with` closes what was opened so far.
        with ExitStack() as stack:
            resources = [stack.enter_context(self.opener(name)) for name in self.names]
            # Everything opened: take the callbacks over, so they outlive this `with`.
            self._stack = stack.pop_all()
        return resources

    def __exit__(self, exc_type, exc, tb):
        return self._stack.__exit__(exc_type, exc, tb)
