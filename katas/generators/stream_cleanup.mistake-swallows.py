"""A wrong answer: every exception that reaches the generator is swallowed after closing."""


def stream_metrics(connect):
    conn = connect()
    try:
        while True:
            record = conn.read()
            if record is None:
                break
            yield record
    except BaseException:
        pass
    finally:
        conn.close()
