"""Refuse before running: reference solution."""
import functools

DELETED = []


def requires_role(role):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get("user")
            if user is None or role not in user.get("roles", []):
                who = "anonymous" if user is None else user.get("name", "unknown user")
                raise PermissionError(f"{who} lacks role {role!r}")
            return func(*args, **kwargs)
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
    print("deleted:", DELETED)
