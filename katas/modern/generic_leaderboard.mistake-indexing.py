"""best_by indexes its items, so a generator fails."""

from collections.abc import Callable, Iterable


def best_by[T](items: Iterable[T], score: Callable[[T], float]) -> T:
    if not items:
        raise ValueError("no items")
    best = items[0]
    for item in items[1:]:
        if score(item) > score(best):
            best = item
    return best


class Leaderboard[T]:
    def __init__(self) -> None:
        self._entries = []

    def add(self, item: T, score: float) -> None:
        self._entries.append((score, item))

    def top(self, k: int) -> list[T]:
        ranked = sorted(self._entries, key=lambda entry: entry[0], reverse=True)
        return [item for _, item in ranked[:k]]
