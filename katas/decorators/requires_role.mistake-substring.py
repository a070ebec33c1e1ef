"""Wrong on purpose: the role is searched in the joined role names."""
import functools

DELETED = []


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user")
            if user is None or role not in ",".join(user["roles"]):
                raise PermissionError(f"requires role {role!r}")
            return func(*args, **kwargs)
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"
