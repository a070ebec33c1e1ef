"""Count how many metric points each name received, from many threads.

record() reads the current count, writes an entry to the write-ahead log
(_flush, which waits briefly), then stores count + 1. Run it from several
threads and counts go missing, with the GIL or without it.
"""

import threading
import time


def _flush():
    """Append to the write-ahead log (simulated: a short wait)."""
    time.sleep(0.0005)


class MetricCounter:
    def __init__(self):
        self.counts = {}

    def record(self, name):
        current = self.counts.get(name, 0)
        _flush()
        self.counts[name] = current + 1


def record_from_threads(counter, name, threads=4, times=25):
    """Call counter.record(name) `times` times in each of `threads` threads."""
    def work():
        for _ in range(times):
            counter.record(name)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    counter = MetricCounter()
    record_from_threads(counter, "loss")
    print(counter.counts, "expected 100")
