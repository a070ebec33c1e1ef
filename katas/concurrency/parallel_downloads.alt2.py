"""asyncio driving the blocking download in worker threads."""

import asyncio
import time


def download(run_id):
    time.sleep(0.1)
    return {"run": run_id, "loss": round(1 / (1 + len(run_id)), 3)}


async def _fetch_all(run_ids):
    return await asyncio.gather(*(asyncio.to_thread(download, r) for r in run_ids))


def fetch_all(run_ids):
    return list(asyncio.run(_fetch_all(list(run_ids))))
