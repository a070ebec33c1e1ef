"""Failures are caught and the batch returns what it has."""

import asyncio


async def fetch_metrics(run_id):
    """Ask the metrics store for one run (0.05 s on the network)."""
    await asyncio.sleep(0.05)
    return {"run": run_id, "loss": round(1 / len(run_id), 3)}


async def fetch_all(run_ids, timeout):
    async with asyncio.timeout(timeout):
        results = await asyncio.gather(*(fetch_metrics(r) for r in run_ids), return_exceptions=True)
    return [r for r in results if not isinstance(r, Exception)]
