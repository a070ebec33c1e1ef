"""Mistake: a dict passed by position is taken for the user when the keyword is missing."""
import functools

DELETED = []

def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user") or (args[-1] if args and isinstance(args[-1], dict) else None)
            if user is None or role not in user.get("roles", []):
                raise PermissionError(f"missing role {role!r}")
            return func(*args, **kwargs)
        return wrapper
    return decorate

@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
