"""Wrong on purpose: `type(error) not in on` does not retry a subclass."""
import functools

def retry(times, on):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for _ in range(times):
                try:
                    return func(*args, **kwargs)
                except Exception as error:
                    if type(error) not in on:
                        raise
                    last_error = error
            raise last_error
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
