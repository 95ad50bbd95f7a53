"""The labelled card set: generated cards, each judged good, weak or junk by reading it.

tests/generation_labels.jsonl holds one record per card, frozen as the generator wrote it: the
notes file it came from (relative to the repository), the generator batch, its position in the
deck, kind, front, back, context and source lines, then the label and the reader's reason. Good
means a student would study the card as it stands, weak that it needs rewriting, junk that it
should be deleted. The checker is scored on it: how much of the junk it flags, and how many good
cards it flags by mistake.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "generation_labels.jsonl"
VERDICTS = ("good", "weak", "junk")


@dataclass(frozen=True)
class LabelledCard:
    notes: str  # the notes file, relative to the repository
    deck: str  # the generated deck's name
    batch: int
    position: int
    note: NoteData
    label: str
    reason: str


@dataclass(frozen=True)
class LabelledDeck:
    """One generated deck of the set, rebuilt as the checker sees it."""

    deck: DeckData
    sources: dict[str, str]
    cards: list[LabelledCard]


@dataclass(frozen=True)
class Scores:
    counts: dict[str, int]  # cards per label
    flagged: dict[str, int]  # flagged cards per label

    @property
    def junk_recall(self) -> float:
        """Junk flagged / all junk."""
        return self.flagged["junk"] / self.counts["junk"]

    @property
    def precision(self) -> float:
        """Flagged cards that are junk / all flagged cards."""
        return self.flagged["junk"] / max(1, sum(self.flagged.values()))

    @property
    def good_flag_rate(self) -> float:
        """Good cards flagged / all good cards."""
        return self.flagged["good"] / self.counts["good"]


def read_labels(path: Path = LABELS) -> list[LabelledCard]:
    cards = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        start, end = record["source"]
        note = NoteData(
            NoteKind(record["kind"]),
            record["front"],
            record["back"],
            context=record["context"],
            source=SourceRef(Path(record["notes"]).name, start, end),
        )
        cards.append(
            LabelledCard(
                record["notes"],
                record["deck"],
                record["batch"],
                record["position"],
                note,
                record["label"],
                record["reason"],
            )
        )
    return cards


def labelled_decks(cards: list[LabelledCard] | None = None) -> Iterator[LabelledDeck]:
    """The set's decks, one per notes file and batch, with their cards in deck order."""
    groups: dict[tuple[str, int], list[LabelledCard]] = defaultdict(list)
    for card in read_labels() if cards is None else cards:
        groups[(card.notes, card.batch)].append(card)
    for (notes, _), members in sorted(groups.items()):
        members.sort(key=lambda card: card.position)
        path = ROOT / notes
        deck = DeckData(members[0].deck, [card.note for card in members], source=path.name)
        yield LabelledDeck(deck, {path.name: path.read_text(encoding="utf-8")}, members)


def flagged_cards(labelled: LabelledDeck) -> set[int]:
    """Positions (in the labelled deck) of the cards the checker flags."""
    from revise.generation.checker import check_deck

    return {
        finding.index
        for finding in check_deck(labelled.deck, labelled.sources)
        if finding.index is not None
    }


def score_checker() -> tuple[Scores, list[tuple[LabelledCard, bool]]]:
    """How the checker does on the whole set, and each card with whether it was flagged."""
    counts = dict.fromkeys(VERDICTS, 0)
    flagged = dict.fromkeys(VERDICTS, 0)
    verdicts = []
    for labelled in labelled_decks():
        hits = flagged_cards(labelled)
        for index, card in enumerate(labelled.cards):
            counts[card.label] += 1
            flagged[card.label] += index in hits
            verdicts.append((card, index in hits))
    return Scores(counts, flagged), verdicts


@dataclass(frozen=True)
class MadeAgain:
    """Which labelled cards today's generator still writes, word for word."""

    counts: Counter[str]  # labelled cards per label
    made: Counter[str]  # of those, written again today
    junk: list[LabelledCard]  # junk written again: a fault that had been fixed came back


def made_again(cards: list[LabelledCard] | None = None) -> MadeAgain:
    """Generate every notes file of the labelled set again and compare: good cards lost and
    junk cards back are the regressions a reader would notice first."""
    from revise.generation import generate_deck

    cards = read_labels() if cards is None else cards
    counts: Counter[str] = Counter(card.label for card in cards)
    made: Counter[str] = Counter()
    junk = []
    by_notes: dict[str, list[LabelledCard]] = {}
    for card in cards:
        by_notes.setdefault(card.notes, []).append(card)
    for notes, group in sorted(by_notes.items()):
        path = ROOT / notes
        deck = generate_deck(path, relative_to=path.parent)
        written = {(note.front, note.back) for note in deck.notes}
        for card in group:
            if (card.note.front, card.note.back) in written:
                made[card.label] += 1
                if card.label == "junk":
                    junk.append(card)
    return MadeAgain(counts, made, junk)
