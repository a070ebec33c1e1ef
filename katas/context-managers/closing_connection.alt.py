"""A connection that always closes: __exit__ takes *exc_info and returns None."""


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

    def __exit__(self, *exc_info):
        exc_type = exc_info[0]
        if exc_type is not None:
            self.close(exc_type)
        else:
            self.close()
        # falling off the end returns None: the exception, if any, propagates
