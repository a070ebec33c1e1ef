"""Mistake: `if not best or x < best` lets the next loss replace a best of 0."""
def summarize(losses):
    count, total, best = 0, 0, None
    for x in losses:
        count += 1
        total += x
        if not best or x < best:
            best = x
    if count == 0:
        return (0, None, None)
    return (count, total / count, best)
