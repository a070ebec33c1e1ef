"""A wrong answer: functools.cache has no size limit."""
import functools
import time

SCANS = []


@functools.cache
def dataset_stats(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    SCANS.append(name)
    time.sleep(0.01)
    return (name, len(name) * 1000)


def reset_stats_cache():
    dataset_stats.cache_clear()
