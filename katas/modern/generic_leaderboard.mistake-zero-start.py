from typing import Callable, Iterable


def best_by[T](items: Iterable[T], score: Callable[[T], float]) -> T:
    best = None
    best_score = 0
    for item in items:
        s = score(item)
        if s > best_score:
            best, best_score = item, s
    if best is None:
        raise ValueError("best_by() needs at least one item")
    return best


class Leaderboard[T]:
    def __init__(self) -> None:
        self._entries: list[tuple[float, T]] = []

    def add(self, item: T, score: float) -> None:
        self._entries.append((score, item))

    def top(self, k: int) -> list[T]:
        ranked = sorted(self._entries, key=lambda entry: entry[0], reverse=True)
        return [item for _, item in ranked[:k]]
