"""Cache dataset statistics with lru_cache: the cache applied by a call, kept apart from the scanner."""
from functools import lru_cache

SCANS = []


def _scan(name):
    SCANS.append(name)          # the slow scan itself is left out here
    return (name, len(name) * 1000)


dataset_stats = lru_cache(maxsize=2)(_scan)
reset_stats_cache = dataset_stats.cache_clear
