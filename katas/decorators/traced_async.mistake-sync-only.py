"""Wrong on purpose: a plain wrapper for every function, so an async one is "done" before it ran."""
import asyncio
import functools
import inspect

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

