"""Cache dataset statistics with lru_cache: the cache applied by a call, kept apart from the scanner."""
from functools import lru_cache
from time import sleep

SCANS = []


def _scan(name):
    SCANS.append(name)
    sleep(0.01)
    return (name, len(name) * 1000)


dataset_stats = lru_cache(maxsize=2)(_scan)
reset_stats_cache = dataset_stats.cache_clear
