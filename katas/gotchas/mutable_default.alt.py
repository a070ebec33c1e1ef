"""Fresh tags for every run: a private sentinel object instead of None."""

_NO_TAGS = object()


def log_run(name, tags=_NO_TAGS):
    run_tags = [] if tags is _NO_TAGS or tags is None else tags
    run_tags += ["v1"]          # += on a list extends it in place
    return run_tags
