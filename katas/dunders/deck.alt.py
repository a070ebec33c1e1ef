# collections.abc.Sequence supplies __iter__, __contains__, __reversed__,
# index and count once __len__ and __getitem__ exist.
from collections import namedtuple
from collections.abc import Sequence

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck(Sequence):
    def __init__(self):
        self._cards = [Card(rank, suit) for suit in SUITS for rank in RANKS]

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._cards[i] for i in range(*index.indices(len(self)))]
        return self._cards[index]
