"""Start every fetch as a task first, then collect them in order."""

import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    tasks = [asyncio.create_task(fetch_metrics(run_id)) for run_id in run_ids]
    results = []
    for task in tasks:
        results.append(await task)
    return results
