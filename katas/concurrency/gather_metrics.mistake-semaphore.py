"""A semaphore lets only five fetches wait at a time."""

import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    sem = asyncio.Semaphore(5)

    async def one(r):
        async with sem:
            return await fetch_metrics(r)

    return list(await asyncio.gather(*(one(r) for r in run_ids)))
