from collections import deque


class JobQueue:
    def __init__(self, jobs=()):
        self._jobs = deque(jobs)

    def push(self, job):
        self._jobs.append(job)

    def pop(self):
        return self._jobs.pop()

    def __len__(self):
        return len(self._jobs)
