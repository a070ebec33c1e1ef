"""Refuse before running.

requires_role(role) is a decorator factory. The decorated function runs only
when the keyword argument `user` (a dict with a "roles" list) has `role`;
otherwise PermissionError naming the role is raised before the function runs,
including when no user (or user=None) is given.
"""
import functools

DELETED = []


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            result = func(*args, **kwargs)
            user = kwargs["user"]
            if role not in user["roles"]:
                raise PermissionError(f"{user['name']} lacks role {role!r}")
            return result
        return wrapper
    return decorate


@requires_role("admin")
def delete_run(run_id, *, user=None):
    DELETED.append(run_id)
    return f"deleted {run_id}"


if __name__ == "__main__":
    ada = {"name": "ada", "roles": ["admin"]}
    bob = {"name": "bob", "roles": ["viewer"]}
    print(delete_run("run-1", user=ada))
    try:
        delete_run("run-2", user=bob)
    except PermissionError as error:
        print("refused:", error)
    print("deleted:", DELETED)     # run-2 must not be here
