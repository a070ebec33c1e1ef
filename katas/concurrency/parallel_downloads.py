"""Download the metrics of many runs.

Each download spends 0.1 s waiting for the server. Ten of them, one after
another, take a full second, while the CPU does nothing.
"""

import time


def download(run_id):
    """Fetch one run's metrics (simulated: 0.1 s of waiting on the network)."""
    time.sleep(0.1)
    return {"run": run_id, "loss": round(1 / (1 + len(run_id)), 3)}


def fetch_all(run_ids):
    """Download every run; the results come back in the order of run_ids."""
    return [download(run_id) for run_id in run_ids]


if __name__ == "__main__":
    start = time.perf_counter()
    results = fetch_all([f"run-{i}" for i in range(10)])
    print(len(results), "runs in", round(time.perf_counter() - start, 2), "s")
