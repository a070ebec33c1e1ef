# Slices with itertools.islice: the right cards, but as a one-shot iterator
# (no len(), no indexing, empty on the second loop, no negative bounds).
import itertools
from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    def __init__(self):
        self._cards = [Card(rank, suit) for suit in SUITS for rank in RANKS]

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return itertools.islice(self._cards, index.start, index.stop, index.step)
        return self._cards[index]

    def __iter__(self):
        return iter(self._cards)
