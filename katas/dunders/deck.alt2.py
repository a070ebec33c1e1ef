# No stored list at all: cards are computed from their position. Only
# __len__ and __getitem__ are defined; iteration and `in` fall back to
# calling __getitem__ with 0, 1, 2, ... until IndexError.
from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    def __len__(self):
        return len(RANKS) * len(SUITS)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError("deck index out of range")
        suit, rank = divmod(position, len(RANKS))
        return Card(RANKS[rank], SUITS[suit])
