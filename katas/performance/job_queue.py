"""The scheduler's queue of pending training jobs: first in, first out.

list.pop(0) has to shift every remaining item one place to the left, so
draining a long queue takes time proportional to the square of its length.
"""


class JobQueue:
    def __init__(self, jobs=()):
        self._jobs = list(jobs)

    def push(self, job):
        """Add a job at the back."""
        self._jobs.append(job)

    def pop(self):
        """Remove and return the job at the front; IndexError when empty."""
        return self._jobs.pop(0)

    def __len__(self):
        return len(self._jobs)


if __name__ == "__main__":
    queue = JobQueue(["train-r1", "train-r2"])
    queue.push("eval-r1")
    print(queue.pop(), len(queue))
