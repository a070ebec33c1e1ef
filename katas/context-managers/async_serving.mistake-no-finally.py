"""A wrong answer: asynccontextmanager, but the unload is skipped when the block raises."""
from contextlib import asynccontextmanager


@asynccontextmanager
async def serving(registry, name):
    model = await registry.load(name)
    yield model
    await registry.unload(name)
