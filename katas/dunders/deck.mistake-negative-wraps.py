"""Mistake: a negative index gets 52 added once, so deck[-53] reads deck[-1] instead of raising."""
from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])
RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    def __init__(self):
        self._cards = [Card(rank, suit) for suit in SUITS for rank in RANKS]
    def __len__(self):
        return len(self._cards)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._cards[i]
        if i < 0:
            i += len(self._cards)
        if i >= len(self._cards):
            raise IndexError("deck index out of range")
        return self._cards[i]
