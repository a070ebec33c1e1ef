"""Fetch run metrics with asyncio.

fetch_metrics() is a coroutine: while it waits on the (simulated) server,
the event loop could run other coroutines. fetch_all() never gives it the
chance: it awaits each fetch before starting the next.
"""

import asyncio


async def fetch_metrics(run_id):
    """Ask the server for one run's metrics (simulated: 0.1 s of waiting)."""
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    """Metrics for every run, in the order of run_ids."""
    results = []
    for run_id in run_ids:
        results.append(await fetch_metrics(run_id))
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all(["r1", "r2", "r3"])))
