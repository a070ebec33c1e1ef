"""A retry decorator that takes settings.

Turn retry into a factory used as
    @retry(times=3, on=(ConnectionError, TimeoutError))
times: total number of calls at most; only the exception types listed in
`on` (and their subclasses) are retried; after the last failed attempt its
exception is re-raised.
"""
import functools


def retry(func):
    """Call func up to 3 times, retrying on any exception."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(3):
            try:
                return func(*args, **kwargs)
            except Exception as error:
                last_error = error
        raise last_error
    return wrapper


_answers = iter([ConnectionError("connection reset"), {"loss": 0.25, "accuracy": 0.91}])


@retry
def fetch_metrics(run_id):
    """Fetch a run's metrics from the (flaky) server."""
    answer = next(_answers)
    if isinstance(answer, Exception):
        raise answer
    return answer


if __name__ == "__main__":
    print(fetch_metrics("run-7"))
