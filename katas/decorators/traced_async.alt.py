"""One decorator for plain and async functions: one recording context manager shared by both wrappers."""
import asyncio
import contextlib
import functools
import inspect


EVENTS = []


@contextlib.contextmanager
def _recorded(name):
    EVENTS.append(f"{name}: start")
    try:
        yield
    except BaseException as error:
        EVENTS.append(f"{name}: failed ({type(error).__name__})")
        raise
    EVENTS.append(f"{name}: done")


def traced(func):
    if inspect.iscoroutinefunction(func):
        async def wrapper(*args, **kwargs):
            with _recorded(func.__name__):
                return await func(*args, **kwargs)
    else:
        def wrapper(*args, **kwargs):
            with _recorded(func.__name__):
                return func(*args, **kwargs)
    return functools.update_wrapper(wrapper, func)


@traced
def count_rows(rows):
    """Count the rows of a metrics table."""
    return len(rows)


@traced
async def fetch_loss(run_id):
    """Fetch a run's final loss from the (async) metrics server."""
    await asyncio.sleep(0)
    return 0.25
