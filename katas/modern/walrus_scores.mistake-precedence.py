"""The walrus grabs the comparison, not the score."""


def evaluate(run):
    return max(run["val_acc"])


def good_scores(runs, threshold):
    kept = []
    for run in runs:
        if score := evaluate(run) >= threshold:
            kept.append(score)
    return kept


def debug_line(name, lr):
    return f"{name=} {lr=}"
