"""Any number of resources, released in reverse.

open_all(names, opener=open_shard) enters opener(name) for each name in order
and binds the list of opened resources to the `as` name. On exit they are
released in reverse order, also when the block raises; if one fails to open,
the ones already open are released (newest first) and the error propagates.
"""
from contextlib import ExitStack, contextmanager


class Shard:
    """A data shard that must be closed after use."""

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
    stack = ExitStack()

    def __init__(self, names, opener=open_shard):
        self.names = names
        self.opener = opener

    def __enter__(self):
        open_all.stack = ExitStack()
        try:
            return [self.stack.enter_context(self.opener(name)) for name in self.names]
        except BaseException:
            self.stack.close()
            raise

    def __exit__(self, *exc_info):
        return self.stack.__exit__(*exc_info)


if __name__ == "__main__":
    with open_all(["train", "val", "test"]) as shards:
        print("training on", [shard.name for shard in shards])
