"""A wrong answer: lru_cache is called, but its result is thrown away."""
import functools
import time

SCANS = []


def dataset_stats(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    SCANS.append(name)
    time.sleep(0.01)
    return (name, len(name) * 1000)


functools.lru_cache(maxsize=2)(dataset_stats)


def reset_stats_cache():
    """Forget every cached result."""
