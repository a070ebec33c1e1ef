"""Wrong on purpose: it also waits after the last attempt, before giving up."""
import functools
import time


def retry(times, on=(Exception,), *, delay=0.1, factor=2.0, max_delay=10.0, sleep=time.sleep):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except on as error:
                    last_error = error
                sleep(min(delay * factor ** (attempt - 1), max_delay))
            raise last_error
        return wrapper
    return decorate
