"""A pool, but with its default size: on a one-core laptop that is 5 workers for 10 downloads."""

import time
from concurrent.futures import ThreadPoolExecutor


def download(run_id):
    time.sleep(0.1)
    return {"run": run_id, "loss": round(1 / (1 + len(run_id)), 3)}


def fetch_all(run_ids):
    with ThreadPoolExecutor() as pool:
        return list(pool.map(download, run_ids))
