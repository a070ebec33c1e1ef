"""One decorator for plain and async functions.

traced(func) records each call in EVENTS: "<name>: start" when the function
starts running, then "<name>: done" or "<name>: failed (<ExceptionType>)"
when it has finished, and returns the result (or lets the exception through).
It works for plain functions; make it work for `async def` functions too.
"""
import asyncio
import functools

EVENTS = []


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        EVENTS.append(f"{func.__name__}: start")
        try:
            result = func(*args, **kwargs)
        except BaseException as error:
            EVENTS.append(f"{func.__name__}: failed ({type(error).__name__})")
            raise
        EVENTS.append(f"{func.__name__}: done")
        return result
    return wrapper


@traced
def count_rows(rows):
    """Count the rows of a metrics table."""
    return len(rows)


@traced
async def fetch_loss(run_id):
    """Fetch a run's final loss from the (async) metrics server."""
    await asyncio.sleep(0)
    return 0.25


if __name__ == "__main__":
    print(count_rows([1, 2, 3]))
    print(asyncio.run(fetch_loss("run-7")))   # 0.25 expected
    print(EVENTS)   # count_rows start/done, then fetch_loss start/done expected
