import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.1)
    return {"run": run_id, "acc": round(0.5 + len(run_id) / 100, 2)}


async def fetch_all(run_ids):
    tasks = [asyncio.create_task(fetch_metrics(r)) for r in run_ids]
    if tasks:
        await asyncio.wait(tasks, timeout=0.3)
    return [t.result() for t in tasks if t.done()]
