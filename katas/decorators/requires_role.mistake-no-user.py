"""A wrong answer: checked before the call, but a missing user crashes instead of being refused."""
import functools

DELETED = []


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if role not in kwargs["user"]["roles"]:
                raise PermissionError(f"requires role {role!r}")
            return func(*args, **kwargs)
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
