"""An async context manager for a model server: a class with __aenter__ and __aexit__."""


class serving:
    def __init__(self, registry, name):
        self.registry = registry
        self.name = name

    async def __aenter__(self):
        return await self.registry.load(self.name)

    async def __aexit__(self, exc_type, exc, tb):
        await self.registry.unload(self.name)
        return False
