"""Which pool should each tracker job run in?

On a standard CPython build (with the GIL) only one thread runs Python
bytecode at a time. A thread gives the GIL up while it waits (network,
disk, sleep) and while it runs C code that releases it (hashlib on large
buffers, zlib, most of NumPy). A process has its own interpreter and GIL,
so pure-Python computation runs in parallel there, at the price of
starting processes and pickling every argument and result.
"""

import hashlib
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def download_checkpoint(url):
    """Fetch a checkpoint file: almost all of the time is spent waiting."""
    time.sleep(0.5)  # stands for the network
    return url.rsplit("/", 1)[-1]


def grid_search_score(params):
    """Score one hyperparameter combination with a pure-Python simulation."""
    lr, depth = params
    loss = 1.0
    for step in range(2_000_000):
        loss -= lr * loss / (depth + step % 7 + 1)
    return loss


def tokenize_corpus(text):
    """Count word frequencies in a large text, in plain Python."""
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,;:!?\"'()")
        counts[word] = counts.get(word, 0) + 1
    return counts


def checksum_shard(data):
    """SHA-256 of a 64 MB data shard. hashlib releases the GIL for large inputs."""
    return hashlib.sha256(data).hexdigest()


# Mistake: any name defined in the module counts as a job.
def executor_for(job):
    fn = globals().get(job)
    if fn is None:
        raise ValueError(job)
    if job in ("download_checkpoint", "checksum_shard"):
        return ThreadPoolExecutor
    return ProcessPoolExecutor
