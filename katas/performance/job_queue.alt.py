"""Two lists: push onto `inbox`; pop from `outbox`, refilled by reversing
inbox when it runs dry. Every job is moved once, so each operation costs
O(1) on average."""


class JobQueue:
    def __init__(self, jobs=()):
        self._inbox = list(jobs)
        self._outbox = []

    def push(self, job):
        self._inbox.append(job)

    def pop(self):
        if not self._outbox:
            if not self._inbox:
                raise IndexError("pop from an empty JobQueue")
            self._inbox.reverse()
            self._inbox, self._outbox = [], self._inbox
        return self._outbox.pop()

    def __len__(self):
        return len(self._inbox) + len(self._outbox)
