"""Refuse before running.

Another way: a PermissionError subclass of our own, and a set of roles.
"""
import functools

DELETED = []


class MissingRole(PermissionError):
    """The user does not have the role an action requires."""


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            roles = set((kwargs.get("user") or {}).get("roles") or ())
            if role not in roles:
                raise MissingRole(f"missing role: {role}")
            return func(*args, **kwargs)
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"


if __name__ == "__main__":
    print(delete_run("run-1", user={"name": "ada", "roles": ["admin"]}))
    try:
        delete_run("run-2", user={"name": "bob", "roles": ["viewer"]})
    except PermissionError as error:
        print("refused:", error)
    print("deleted:", DELETED)
