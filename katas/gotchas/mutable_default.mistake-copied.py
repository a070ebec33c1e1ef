"""A wrong answer: the tag goes onto a copy, but the shared default is returned."""


def log_run(name, tags=[]):
    run_tags = tags.copy()
    run_tags.append("v1")
    return tags
