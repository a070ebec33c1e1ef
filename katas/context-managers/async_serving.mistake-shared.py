"""An async context manager for a model server.

serving(registry, name), used with `async with ... as model:`, awaits
registry.load(name) on entry (binding the model it returns) and awaits
registry.unload(name) on exit, however the block ends. Exceptions from the
block reach the caller.
"""
import asyncio


class serving:
    registry = None
    name = None

    def __init__(self, registry, name):
        serving.registry = registry
        serving.name = name

    async def __aenter__(self):
        return await self.registry.load(self.name)

    async def __aexit__(self, exc_type, exc, tb):
        await self.registry.unload(self.name)
        return False


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
