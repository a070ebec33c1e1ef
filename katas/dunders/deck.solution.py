from collections import namedtuple

Card = namedtuple("Card", ["rank", "suit"])

RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]
SUITS = ["spades", "hearts", "diamonds", "clubs"]


class Deck:
    """52 cards, suit by suit: 2 to A of spades, then hearts, diamonds, clubs."""

    def __init__(self):
        self._cards = [Card(rank, suit) for suit in SUITS for rank in RANKS]

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        # A list handles ints, negative ints and slice objects alike.
        return self._cards[index]

    def __iter__(self):
        return iter(self._cards)

    def __contains__(self, card):
        return card in self._cards


if __name__ == "__main__":
    deck = Deck()
    print(len(deck), deck[0], deck[-3:])
    print(Card("Q", "hearts") in deck)
