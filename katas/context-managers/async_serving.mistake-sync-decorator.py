"""A wrong answer: the synchronous contextmanager decorator on an async generator."""
from contextlib import contextmanager


@contextmanager
async def serving(registry, name):
    model = await registry.load(name)
    try:
        yield model
    finally:
        await registry.unload(name)
