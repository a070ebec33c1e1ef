"""Any number of resources, released in reverse: reference solution."""
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


@contextmanager
def open_all(names, opener=open_shard):
    with ExitStack() as stack:
        yield [stack.enter_context(opener(name)) for name in names]


if __name__ == "__main__":
    with open_all(["train", "val", "test"]) as shards:
        print("training on", [shard.name for shard in shards])
