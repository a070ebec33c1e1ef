"""Stream a run's metrics, and always hang up.

stream_metrics(connect) is a generator. connect() opens a connection to the
metrics server; conn.read() returns the next record, or None when there are
no more; conn.close() hangs up. Nothing is opened until the first record is
asked for. The connection is closed exactly once however the stream ends:
read to the end, closed early by the consumer, an exception thrown in, or
read() failing. Exceptions reach the caller unchanged.
"""


def stream_metrics(connect):
    conn = connect()
    while True:
        record = conn.read()
        if record is None:
            break
        yield record
    conn.close()


class DemoConnection:
    def __init__(self):
        self.records = iter([0.9, 0.5, 0.25])

    def read(self):
        return next(self.records, None)

    def close(self):
        print("connection closed")


if __name__ == "__main__":
    for loss in stream_metrics(DemoConnection):
        print(loss)
        if loss < 0.6:
            break           # "connection closed" should be printed after this
    print("done")
