"""Wrong on purpose: the role is kept in one dict shared by every decoration."""
import functools

DELETED = []


_required = {}


def requires_role(role):
    _required["role"] = role
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user")
            if user is None or _required["role"] not in user["roles"]:
                raise PermissionError(f"requires role {_required['role']!r}")
            return func(*args, **kwargs)
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
