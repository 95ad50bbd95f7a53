"""Daily limits in a tree, as Anki's parent-deck limits: a deck's limit covers its sub-decks, and
the collection's covers every deck.

A card can be shown while its deck, every parent deck above it (`A` for `A::B`, named or not) and
the collection all have some of today's limit left. Pure arithmetic on deck names; the queue
supplies what was done today, what is waiting, and the limits set on decks (revise deck-options):
a deck's own limit, else its nearest parent's, else the default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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

    def __init__(
        self,
        per_deck: int,
        collection: int,
        done: Mapping[str, int],
        set_on: Mapping[str, int] | None = None,
    ) -> None:
        """`done`: deck name -> cards of this kind answered today in that deck itself;
        `set_on`: deck name -> the limit set on that deck, for it and its sub-decks."""
        self.per_deck = per_deck
        self.collection = collection
        self._set_on = dict(set_on or {})
        self._done: dict[Node, int] = {}
        self._for_deck: dict[str, int] = {}  # for_deck's answers: the limits never change
        for name, count in done.items():
            for node in chain(name):
                self._done[node] = self._done.get(node, 0) + count

    def limit(self, node: Node) -> int:
        """The daily limit of a node: the collection's, or the one set nearest above a deck."""
        if node is COLLECTION:
            return self.collection
        if self._set_on:
            for scope in reversed(chain(node)[1:]):
                if scope in self._set_on:
                    return self._set_on[scope]
        return self.per_deck

    def left(self, node: Node) -> int:
        return max(0, self.limit(node) - self._done.get(node, 0))

    def any_allowed(self, names: Iterable[str]) -> bool:
        """Whether any of these decks may show a card of this kind on some day."""
        return any(min(self.limit(node) for node in chain(name)) > 0 for name in names)

    def for_deck(self, name: str) -> int:
        """How many more cards the deck `name` may show today."""
        found = self._for_deck.get(name)
        if found is None:
            found = self._for_deck[name] = min(self.left(node) for node in chain(name))
        return found

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
