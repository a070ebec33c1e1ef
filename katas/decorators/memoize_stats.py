"""Cache dataset statistics with lru_cache.

Memoize dataset_stats with functools.lru_cache, keeping at most 2 results,
and make reset_stats_cache() empty the cache. Each real scan is recorded in
SCANS; do not change that.
"""
import functools
import time

SCANS = []


def dataset_stats(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    SCANS.append(name)
    time.sleep(0.01)            # stands in for reading the whole dataset
    return (name, len(name) * 1000)


def reset_stats_cache():
    """Forget every cached result."""


if __name__ == "__main__":
    for name in ["mnist", "cifar", "mnist", "imagenet", "cifar", "imagenet"]:
        dataset_stats(name)
    print("scanned:", SCANS)    # a 2-entry cache scans mnist, cifar, imagenet, cifar
