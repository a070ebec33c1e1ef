import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    tasks = {r: asyncio.create_task(fetch_metrics(r)) for r in dict.fromkeys(run_ids)}
    await asyncio.gather(*tasks.values())
    return [tasks[r].result() for r in run_ids]
