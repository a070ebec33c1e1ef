"""A wrong answer: close() only runs when the stream is read to its end."""


def stream_metrics(connect):
    conn = connect()
    record = conn.read()
    while record is not None:
        yield record
        record = conn.read()
    conn.close()
