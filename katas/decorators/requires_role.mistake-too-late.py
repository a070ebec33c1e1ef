"""A wrong answer: missing users are handled, but the role is checked after the call."""
import functools

DELETED = []


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user") or {}
            result = func(*args, **kwargs)
            if role not in user.get("roles", []):
                raise PermissionError(f"requires role {role!r}")
            return result
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
