"""A wrong answer: __enter__ opens the connection but returns nothing."""


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

    def __exit__(self, exc_type, exc, tb):
        self.close(exc_type)
        return False
