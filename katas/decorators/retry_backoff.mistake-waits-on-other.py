"""Wrong on purpose: it waits first and only then asks whether the error is one to retry."""
import functools
import time


def retry(times, on=(Exception,), *, delay=0.1, factor=2.0, max_delay=10.0, sleep=time.sleep):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except Exception as error:
                    if attempt == times:
                        raise
                    sleep(min(delay * factor ** (attempt - 1), max_delay))
                    if not isinstance(error, on):
                        raise
        return wrapper
    return decorate
