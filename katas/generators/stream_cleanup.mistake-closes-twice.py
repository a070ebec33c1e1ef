"""A wrong answer: close() in finally and again after the loop."""


def stream_metrics(connect):
    conn = connect()
    try:
        while True:
            record = conn.read()
            if record is None:
                break
            yield record
        conn.close()
    finally:
        conn.close()
