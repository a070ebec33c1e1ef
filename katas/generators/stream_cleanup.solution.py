"""Stream a run's metrics, and always hang up.

stream_metrics(connect) is a generator. connect() opens a connection to the
metrics server; conn.read() returns the next record, or None when there are
no more; conn.close() hangs up. Nothing is opened until the first record is
asked for. The connection is closed exactly once however the stream ends:
read to the end, closed early by the consumer, an exception thrown in, or
read() failing. Exceptions reach the caller unchanged.
"""


def stream_metrics(connect):
    conn = connect()        # outside the try: if it fails, there is nothing to close
    try:
        while True:
            record = conn.read()
            if record is None:
                return
            yield record    # close() and throw() arrive here
    finally:
        conn.close()
