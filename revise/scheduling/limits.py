"""Daily limits in a tree, as Anki's parent-deck limits: a deck's limit covers its sub-decks, and
the collection's covers every deck.

A card can be shown while its deck, every parent deck above it (`A` for `A::B`, named or not) and
the collection all have some of today's limit left. Pure arithmetic on deck names; the queue
supplies what was done today and what is waiting.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

SEPARATOR = "::"
COLLECTION: None = None  # the root of the tree: every deck is under it

Node = str | None


def chain(name: str) -> list[Node]:
    """The collection, then each deck from the top down to `name`: `A::B` -> None, A, A::B."""
    parts = name.split(SEPARATOR)
    return [COLLECTION, *(SEPARATOR.join(parts[:depth]) for depth in range(1, len(parts) + 1))]


class DailyLimits:
    """How much of one daily limit (new cards, or reviews) each node of the tree has left."""

    def __init__(self, per_deck: int, collection: int, done: Mapping[str, int]) -> None:
        """`done`: deck name -> cards of this kind answered today in that deck itself."""
        self.per_deck = per_deck
        self.collection = collection
        self._done: dict[Node, int] = {}
        for name, count in done.items():
            for node in chain(name):
                self._done[node] = self._done.get(node, 0) + count

    def left(self, node: Node) -> int:
        limit = self.collection if node is COLLECTION else self.per_deck
        return max(0, limit - self._done.get(node, 0))

    def for_deck(self, name: str) -> int:
        """How many more cards the deck `name` may show today."""
        return min(self.left(node) for node in chain(name))

    def total(self, waiting: Mapping[str, int]) -> int:
        """How many of the `waiting` cards (deck name -> count) can be shown today, together."""
        children: dict[Node, set[str]] = {}
        for name in waiting:
            nodes = chain(name)
            for parent, child in pairwise(nodes):
                children.setdefault(parent, set()).add(child)  # type: ignore[arg-type]

        def shown(node: Node) -> int:
            below = sum(shown(child) for child in children.get(node, ()))
            own = waiting.get(node, 0) if node is not COLLECTION else 0
            return min(self.left(node), own + below)

        return shown(COLLECTION)
