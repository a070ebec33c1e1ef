"""contextlib.closing does the finally; iter(callable, None) calls read() until it returns None."""
from contextlib import closing


def stream_metrics(connect):
    with closing(connect()) as conn:
        yield from iter(conn.read, None)
