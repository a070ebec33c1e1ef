"""The entries list lives on the class, shared by every board."""

from collections.abc import Callable, Iterable


def best_by[T](items: Iterable[T], score: Callable[[T], float]) -> T:
    items = list(items)
    if not items:
        raise ValueError("no items")
    return max(items, key=score)


class Leaderboard[T]:
    entries: list = []

    def add(self, item: T, score: float) -> None:
        self.entries.append((score, item))

    def top(self, k: int) -> list[T]:
        ranked = sorted(self.entries, key=lambda entry: entry[0], reverse=True)
        return [item for _, item in ranked[:k]]
