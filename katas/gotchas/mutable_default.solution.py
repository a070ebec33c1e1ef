"""Fresh tags for every run: reference solution."""


def log_run(name, tags=None):
    if tags is None:
        tags = []
    tags.append("v1")
    return tags


if __name__ == "__main__":
    print(log_run("baseline"))
    print(log_run("bigger-lr"))
    mine = ["ablation"]
    print(log_run("tuned", mine), mine)
