"""A set comprehension: repeated scores collapse and the order is lost."""

def evaluate(run):
    return max(run["val_acc"])


def good_scores(runs, threshold):
    return list({score for run in runs if (score := evaluate(run)) >= threshold})


def debug_line(name, lr):
    return f"{name=} {lr=}"
