"""All fetches overlap, but the results are collected as they finish."""

import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    return [await f for f in asyncio.as_completed([fetch_metrics(r) for r in run_ids])]
