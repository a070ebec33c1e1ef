"""A deck of cards as a toy data set for the tracker's sampling tests.

The sampler calls len(data), data[i], data[a:b], iterates with `for`, and
checks membership with `in`. Deck holds its 52 cards in a list, but
implements none of those protocols, so all of them fail.
"""
from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    """52 cards, suit by suit: 2 to A of spades, then hearts, diamonds, clubs."""

    def __init__(self):
        self._cards = [Card(rank, suit) for suit in SUITS for rank in RANKS]

    # TODO: len(deck), deck[i], deck[a:b], `for card in deck`, `card in deck`


if __name__ == "__main__":
    deck = Deck()
    try:
        print(len(deck), deck[0], deck[-3:])
    except TypeError as exc:
        print("not a sequence yet:", exc)
