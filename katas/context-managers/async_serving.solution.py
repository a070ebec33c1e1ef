"""An async context manager for a model server: reference solution."""
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def serving(registry, name):
    model = await registry.load(name)
    try:
        yield model
    finally:
        await registry.unload(name)


if __name__ == "__main__":
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

    asyncio.run(main())
