"""Mistake: the load is inside the try, so a failed load is still unloaded."""
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

from contextlib import asynccontextmanager
@asynccontextmanager
async def serving(registry, name):
    try:
        model = await registry.load(name)
        yield model
    finally:
        await registry.unload(name)
