"""Mistake: the last exception is rebuilt as type(last)(*last.args) instead of re-raised."""
import functools

def retry(times=3, on=(Exception,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except on as error:
                    last = error
            raise type(last)(*last.args)
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
