"""An async context manager for a model server.

serving(registry, name), used with `async with ... as model:`, awaits
registry.load(name) on entry (binding the model it returns) and awaits
registry.unload(name) on exit, however the block ends. Exceptions from the
block reach the caller.
"""
import asyncio


from contextlib import asynccontextmanager


@asynccontextmanager
async def serving(registry, name):
    model = await registry.load(name)
    try:
        yield model
    except Exception:
        await registry.unload(name)
        raise
    await registry.unload(name)


class DemoRegistry:
    async def load(self, name):
        await asyncio.sleep(0.01)
        print(f"load {name}")
        return f"model:{name}"

    async def unload(self, name):
        await asyncio.sleep(0.01)
        print(f"unload {name}")


async def main():
    async with serving(DemoRegistry(), "resnet") as model:
        print("predict with", model)


if __name__ == "__main__":
    asyncio.run(main())
