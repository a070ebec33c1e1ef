"""The function was converted, the class still uses the old TypeVar."""

from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


def best_by[U](items: Iterable[U], score: Callable[[U], float]) -> U:
    pool = list(items)
    if not pool:
        raise ValueError("empty")
    return max(pool, key=score)


class Leaderboard(Generic[T]):
    def __init__(self) -> None:
        self._entries = []

    def add(self, item, score):
        self._entries.append((score, item))

    def top(self, k):
        ranked = sorted(self._entries, key=lambda entry: entry[0], reverse=True)
        return [item for _, item in ranked[:k]]
