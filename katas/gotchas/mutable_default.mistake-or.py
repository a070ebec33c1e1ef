"""A wrong answer: `tags or []` throws away an empty list the caller passed."""


def log_run(name, tags=None):
    tags = tags or []
    tags.append("v1")
    return tags
