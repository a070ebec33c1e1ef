"""gather() is called, but its result is never awaited."""

import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    return asyncio.gather(*(fetch_metrics(run_id) for run_id in run_ids))
