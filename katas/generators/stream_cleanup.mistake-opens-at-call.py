"""A wrong answer: the connection is opened by an ordinary function, at the call."""


def stream_metrics(connect):
    conn = connect()

    def records():
        try:
            while True:
                record = conn.read()
                if record is None:
                    return
                yield record
        finally:
            conn.close()

    return records()
