"""One lock per metric name, so different names do not wait for each other."""

import threading
import time
from collections import defaultdict


def _flush():
    time.sleep(0.0005)


class MetricCounter:
    def __init__(self):
        self.counts = {}
        self._guard = threading.Lock()
        self._locks = defaultdict(threading.RLock)

    def _lock_for(self, name):
        with self._guard:  # creating the per-name lock must itself be safe
            return self._locks[name]

    def record(self, name):
        lock = self._lock_for(name)
        lock.acquire()
        try:
            current = self.counts.get(name, 0)
            _flush()
            self.counts[name] = current + 1
        finally:
            lock.release()


def record_from_threads(counter, name, threads=4, times=25):
    def work():
        for _ in range(times):
            counter.record(name)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
