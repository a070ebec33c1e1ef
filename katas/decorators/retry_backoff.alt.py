"""Retry with exponential backoff: a while loop that grows the wait as it goes."""
import time
from functools import wraps


def retry(times, on=(Exception,), *, delay=0.1, factor=2.0, max_delay=10.0, sleep=time.sleep):
    def decorate(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            attempts_left = times
            wait = min(delay, max_delay)
            while True:
                attempts_left -= 1
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempts_left == 0:
                        raise
                sleep(wait)
                wait = min(wait * factor, max_delay)
        return wrapper
    return decorate
