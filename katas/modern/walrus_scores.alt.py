"""Without the walrus: score everything once with map, then filter."""


def evaluate(run):
    return max(run["val_acc"])


def good_scores(runs, threshold):
    scores = map(evaluate, runs)
    return [s for s in scores if s >= threshold]


def debug_line(name, lr):
    return "name={!r} lr={!r}".format(name, lr)
