import asyncio


async def fetch_metrics(run_id):
    await asyncio.sleep(0.05)
    return {"run": run_id, "loss": round(1 / len(run_id), 3)}


async def fetch_all(run_ids, timeout):
    tasks = [asyncio.ensure_future(fetch_metrics(r)) for r in run_ids]
    if not tasks:
        return []
    done, pending = await asyncio.wait(tasks, timeout=timeout, return_when=asyncio.ALL_COMPLETED)
    if pending:
        for t in pending:
            t.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for t in done:
            if not t.cancelled() and t.exception() is not None:
                raise t.exception()
        raise TimeoutError(f"batch not done in {timeout} s")
    return [t.result() for t in tasks]
