"""A wrong answer: except Exception does not catch GeneratorExit, which close() throws in."""


def stream_metrics(connect):
    conn = connect()
    try:
        while True:
            record = conn.read()
            if record is None:
                break
            yield record
    except Exception:
        conn.close()
        raise
    conn.close()
