"""A TaskGroup for the batch, but no deadline: the batch waits for its slowest fetch."""

import asyncio


async def fetch_metrics(run_id):
    """Ask the metrics store for one run (0.05 s on the network)."""
    await asyncio.sleep(0.05)
    return {"run": run_id, "loss": round(1 / len(run_id), 3)}


async def fetch_all(run_ids, timeout):
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_metrics(run_id)) for run_id in run_ids]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(fetch_all(["r1", "r2", "r3"], timeout=1.0)))
