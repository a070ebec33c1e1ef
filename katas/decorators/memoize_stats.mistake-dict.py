"""A wrong answer: a hand-made dictionary cache."""
import time

SCANS = []
_cache = {}


def dataset_stats(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    if name not in _cache:
        SCANS.append(name)
        time.sleep(0.01)
        _cache[name] = (name, len(name) * 1000)
    return _cache[name]


def reset_stats_cache():
    _cache.clear()
