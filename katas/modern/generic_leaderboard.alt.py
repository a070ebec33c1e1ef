"""PEP 695 again, with a type alias statement and max()/heapq doing the work."""

import heapq
from collections.abc import Callable, Iterable

type Entry[T] = tuple[float, int, T]


def best_by[Item](items: Iterable[Item], score: Callable[[Item], float]) -> Item:
    pool = list(items)
    if not pool:
        raise ValueError("no items to choose from")
    return max(pool, key=score)


class Leaderboard[T]:
    def __init__(self) -> None:
        self._entries: list[Entry[T]] = []

    def add(self, item: T, score: float) -> None:
        # the insertion counter keeps ties in the order they were added
        self._entries.append((score, -len(self._entries), item))

    def top(self, k: int) -> list[T]:
        return [item for _, _, item in heapq.nlargest(k, self._entries, key=lambda e: e[:2])]
