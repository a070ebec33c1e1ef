"""Wrong on purpose: the first wait is already multiplied by the factor."""
import functools
import time


def retry(times, on=(Exception,), *, delay=0.1, factor=2.0, max_delay=10.0, sleep=time.sleep):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempt == times:
                        raise
                    sleep(min(delay * factor ** attempt, max_delay))
        return wrapper
    return decorate
