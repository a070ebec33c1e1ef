# Computes cards from their position, but only understands ints.
from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    def __len__(self):
        return 52

    def __getitem__(self, position):
        if position < 0:
            position += 52
        if not 0 <= position < 52:
            raise IndexError("deck index out of range")
        return Card(RANKS[position % 13], SUITS[position // 13])
