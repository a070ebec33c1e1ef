def evaluate(run):
    return max(run["val_acc"])


def good_scores(runs, threshold):
    return [score for run in runs if (score := evaluate(run)) >= threshold]


def debug_line(name, lr):
    return f"name='{name}' lr={lr!r}"
