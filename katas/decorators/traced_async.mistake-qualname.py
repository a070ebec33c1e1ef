"""Mistake: the failure names the exception by __qualname__."""
import asyncio
import functools
import inspect

EVENTS = []

def traced(func):
    name = func.__name__
    if inspect.iscoroutinefunction(func):
        @functools.wraps(func)
        async def awrapper(*args, **kwargs):
            EVENTS.append(f"{name}: start")
            try:
                result = await func(*args, **kwargs)
            except BaseException as error:
                EVENTS.append(f"{name}: failed ({type(error).__qualname__})")
                raise
            EVENTS.append(f"{name}: done")
            return result
        return awrapper
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        EVENTS.append(f"{name}: start")
        try:
            result = func(*args, **kwargs)
        except BaseException as error:
            EVENTS.append(f"{name}: failed ({type(error).__qualname__})")
            raise
        EVENTS.append(f"{name}: done")
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
