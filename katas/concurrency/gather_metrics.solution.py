"""Fetch run metrics with asyncio, all waits overlapping."""

import asyncio


async def fetch_metrics(run_id):
    """Ask the server for one run's metrics (simulated: 0.1 s of waiting)."""
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    """Metrics for every run, in the order of run_ids."""
    return list(await asyncio.gather(*(fetch_metrics(run_id) for run_id in run_ids)))


if __name__ == "__main__":
    print(asyncio.run(fetch_all(["r1", "r2", "r3"])))
