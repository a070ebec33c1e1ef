"""Wrong on purpose: a list that already holds "v1" is not tagged again."""


def log_run(name, tags=None):
    if tags is None:
        tags = []
    if "v1" not in tags:
        tags.append("v1")
    return tags
