"""A connection that always closes.

Make TrackerConnection a context manager: entering opens it and binds the
connection itself to the `as` name; leaving always closes it, and an
exception raised in the block still reaches the caller.
Do not change open(), close() or log().
"""


class TrackerConnection:
    def __init__(self, url):
        self.url = url
        self.is_open = False

    def open(self):
        print(f"connect {self.url}")
        self.is_open = True

    def close(self, exc_type=None):
        if exc_type is None:
            print(f"close {self.url}")
        else:
            print(f"close {self.url} (error: {exc_type.__name__})")
        self.is_open = False

    def log(self, metric, value):
        if not self.is_open:
            raise RuntimeError("log() on a closed connection")
        print(f"log {metric}={value}")

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close(exc_type)
        return exc_type is not None and not issubclass(exc_type, ValueError)


if __name__ == "__main__":
    with TrackerConnection("db://runs") as conn:
        conn.log("loss", 0.25)
