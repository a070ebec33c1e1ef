"""Mistake: only an exact list counts as given tags (type(tags) is list), so a list subclass is replaced."""
def log_run(name, tags=None):
    if type(tags) is not list:
        tags = []
    tags.append("v1")
    return tags
