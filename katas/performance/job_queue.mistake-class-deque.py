from collections import deque


class JobQueue:
    _jobs = deque()

    def __init__(self, jobs=()):
        self._jobs.extend(jobs)

    def push(self, job):
        self._jobs.append(job)

    def pop(self):
        return self._jobs.popleft()

    def __len__(self):
        return len(self._jobs)
