"""acquire() and release() by hand: an error in _flush() leaves the lock held."""

import threading
import time


def _flush():
    time.sleep(0.0005)


class MetricCounter:
    def __init__(self):
        self.counts = {}
        self._lock = threading.Lock()

    def record(self, name):
        self._lock.acquire()
        current = self.counts.get(name, 0)
        _flush()
        self.counts[name] = current + 1
        self._lock.release()


def record_from_threads(counter, name, threads=4, times=25):
    def work():
        for _ in range(times):
            counter.record(name)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
