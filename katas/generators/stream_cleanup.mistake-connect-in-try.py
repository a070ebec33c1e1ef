"""A wrong answer: connect() sits inside the try, so its failure reaches a finally with no connection."""


def stream_metrics(connect):
    try:
        conn = connect()
        while True:
            record = conn.read()
            if record is None:
                break
            yield record
    finally:
        conn.close()
