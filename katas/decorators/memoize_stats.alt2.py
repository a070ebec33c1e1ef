"""Cache dataset statistics with lru_cache.

Another way: reset by binding a fresh cache (which starts empty, with zero
counters) to the name dataset_stats.
"""
import functools

SCANS = []


def _scan(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    SCANS.append(name)          # the slow scan itself is left out here
    return (name, len(name) * 1000)


dataset_stats = functools.lru_cache(maxsize=2)(_scan)


def reset_stats_cache():
    """Forget every cached result."""
    global dataset_stats
    dataset_stats = functools.lru_cache(maxsize=2)(_scan)


if __name__ == "__main__":
    for name in ["mnist", "cifar", "mnist", "imagenet", "cifar", "imagenet"]:
        dataset_stats(name)
    print("scanned:", SCANS)
