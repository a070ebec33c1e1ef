"""Without TaskGroup: tasks, asyncio.wait, and cancelling by hand."""

import asyncio


async def fetch_metrics(run_id):
    """Ask the metrics store for one run (0.05 s on the network)."""
    await asyncio.sleep(0.05)
    return {"run": run_id, "loss": round(1 / len(run_id), 3)}


async def _cancel(tasks):
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def fetch_all(run_ids, timeout):
    tasks = [asyncio.create_task(fetch_metrics(r)) for r in run_ids]
    if not tasks:
        return []
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    pending = set(tasks)
    while pending:
        left = deadline - loop.time()
        if left <= 0:
            await _cancel(tasks)
            raise TimeoutError(f"the batch took longer than {timeout} s")
        done, pending = await asyncio.wait(pending, timeout=left, return_when=asyncio.FIRST_EXCEPTION)
        failed = [t for t in done if t.exception() is not None]
        if failed:
            await _cancel(tasks)
            raise failed[0].exception()
    return [t.result() for t in tasks]
