"""Cache dataset statistics with lru_cache: reference solution."""
import functools
import time

SCANS = []


@functools.lru_cache(maxsize=2)
def dataset_stats(name):
    """Scan a dataset (slowly) and return (name, number_of_rows)."""
    SCANS.append(name)
    time.sleep(0.01)
    return (name, len(name) * 1000)


def reset_stats_cache():
    """Forget every cached result."""
    dataset_stats.cache_clear()


if __name__ == "__main__":
    for name in ["mnist", "cifar", "mnist", "imagenet", "cifar", "imagenet"]:
        dataset_stats(name)
    print("scanned:", SCANS)
    print(dataset_stats.cache_info())
