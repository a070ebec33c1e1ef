"""Mistake: roles compared without case, so "Admin" passes as "admin"."""
import functools

DELETED = []

def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user")
            if not user or role.lower() not in [r.lower() for r in user["roles"]]:
                raise PermissionError(f"missing role {role!r}")
            return func(*args, **kwargs)
        return wrapper
    return decorate

@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
