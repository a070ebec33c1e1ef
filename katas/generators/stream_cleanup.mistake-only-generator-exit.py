"""Wrong: the connection is closed on GeneratorExit and at the end, not when an exception ends the stream."""


def stream_metrics(connect):
    conn = connect()
    try:
        while True:
            record = conn.read()
            if record is None:
                break
            yield record
    except GeneratorExit:
        conn.close()
        raise
    conn.close()
