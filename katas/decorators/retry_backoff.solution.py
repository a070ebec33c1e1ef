"""Retry with exponential backoff: reference solution."""
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
                    sleep(min(delay * factor ** (attempt - 1), max_delay))
        return wrapper
    return decorate


if __name__ == "__main__":
    waits = []
    answers = iter([ConnectionError("reset"), TimeoutError("slow"), ConnectionError("reset"), "ok"])

    @retry(times=5, on=(ConnectionError, TimeoutError), delay=0.5, sleep=waits.append)
    def fetch_metrics():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    print(fetch_metrics(), waits)
