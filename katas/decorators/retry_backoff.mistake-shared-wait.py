"""Wrong on purpose: the growing wait lives in the decorator, shared by every call."""
import functools
import time


def retry(times, on=(Exception,), *, delay=0.1, factor=2.0, max_delay=10.0, sleep=time.sleep):
    def decorate(func):
        wait = delay

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal wait
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempt == times:
                        raise
                    sleep(min(wait, max_delay))
                    wait *= factor
        return wrapper
    return decorate
