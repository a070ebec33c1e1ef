"""A wrong answer: GeneratorExit is caught, and the loop goes on to yield again."""


def stream_metrics(connect):
    conn = connect()
    while True:
        record = conn.read()
        if record is None:
            break
        try:
            yield record
        except GeneratorExit:
            conn.close()
    conn.close()
