"""A wrong answer: the stream stops at the first falsy record (0.0, an empty dict), not at None."""


def stream_metrics(connect):
    conn = connect()
    try:
        while record := conn.read():
            yield record
    finally:
        conn.close()
