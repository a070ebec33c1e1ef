"""Two small helpers for the tracker's run report."""


def evaluate(run):
    """Score a run on the validation set. Expensive: call it once per run."""
    return max(run["val_acc"])


def good_scores(runs, threshold):
    """Scores of the runs scoring at least `threshold`, in run order."""
    return [score for run in runs if (score := evaluate(run)) >= threshold]


def debug_line(name, lr):
    """A debugging line such as: name='resnet' lr=0.0003"""
    return f"{name=} {lr=}"


if __name__ == "__main__":
    runs = [{"id": "r1", "val_acc": [0.61, 0.82]}, {"id": "r2", "val_acc": [0.55, 0.58]}]
    print(good_scores(runs, 0.8))
    print(debug_line("resnet", 0.0003))
