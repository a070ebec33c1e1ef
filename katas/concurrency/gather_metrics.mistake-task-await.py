"""Tasks, but each one is awaited the moment it is created."""

import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    results = []
    for run_id in run_ids:
        task = asyncio.create_task(fetch_metrics(run_id))
        results.append(await task)
    return results
