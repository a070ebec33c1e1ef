"""Wrong on purpose: one attempt counter for every call of the decorated function."""
import functools

def retry(times, on):
    def decorate(func):
        attempts = 0
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal attempts
            while True:
                attempts += 1
                try:
                    return func(*args, **kwargs)
                except on:
                    if attempts >= times:
                        raise
        return wrapper
    return decorate


_answers = iter([ConnectionError("connection reset"), {"loss": 0.25, "accuracy": 0.91}])


@retry(times=3, on=(ConnectionError, TimeoutError))
def fetch_metrics(run_id):
    """Fetch a run's metrics from the (flaky) server."""
    answer = next(_answers)
    if isinstance(answer, Exception):
        raise answer
    return answer
