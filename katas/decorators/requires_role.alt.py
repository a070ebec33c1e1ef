"""Refuse before running: a keyword-only `user` parameter in the wrapper, and a helper."""
from functools import wraps

DELETED = []


def _has_role(user, role):
    return bool(user) and role in (user.get("roles") or ())


def requires_role(role):
    def decorate(func):
        @wraps(func)
        def wrapper(*args, user=None, **kwargs):
            if not _has_role(user, role):
                raise PermissionError(f"this action requires the {role} role")
            return func(*args, user=user, **kwargs)
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
