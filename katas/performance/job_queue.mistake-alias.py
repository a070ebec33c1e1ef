"""Avoids copying the initial jobs: reads the caller's list by index and
keeps pushed jobs in a deque. Fast, but the queue is the caller's list."""

from collections import deque


class JobQueue:
    def __init__(self, jobs=()):
        self._front = jobs
        self._head = 0
        self._back = deque()

    def push(self, job):
        self._back.append(job)

    def pop(self):
        if self._head < len(self._front):
            job = self._front[self._head]
            self._head += 1
            return job
        return self._back.popleft()

    def __len__(self):
        return len(self._front) - self._head + len(self._back)
