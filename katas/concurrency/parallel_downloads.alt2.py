"""asyncio driving the blocking download in worker threads of a pool sized to the batch."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def download(run_id):
    time.sleep(0.1)
    return {"run": run_id, "loss": round(1 / (1 + len(run_id)), 3)}


async def _fetch_all(run_ids, pool):
    loop = asyncio.get_running_loop()
    return await asyncio.gather(*(loop.run_in_executor(pool, download, r) for r in run_ids))


def fetch_all(run_ids):
    run_ids = list(run_ids)
    # asyncio.to_thread would use the loop's default pool, which has only
    # min(32, CPUs + 4) workers: 5 on a one-core laptop
    with ThreadPoolExecutor(max_workers=max(1, len(run_ids))) as pool:
        return list(asyncio.run(_fetch_all(run_ids, pool)))
