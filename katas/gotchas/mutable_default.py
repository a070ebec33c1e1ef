"""Fresh tags for every run.

log_run(name, tags=None) appends the schema tag "v1" to a run's tags and
returns the list. Without tags, every call must get a new ['v1'] list; with a
list, that very list is used and returned.
"""


def log_run(name, tags=[]):
    tags.append("v1")
    return tags


if __name__ == "__main__":
    print(log_run("baseline"))    # ['v1']
    print(log_run("bigger-lr"))   # should also be ['v1']
    mine = ["ablation"]
    print(log_run("tuned", mine), mine)
