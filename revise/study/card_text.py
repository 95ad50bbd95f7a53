"""Cards as `revise cards` prints them: a line each, or plain data for JSON."""

from __future__ import annotations

from dataclasses import asdict

from revise.scheduling.day import local_zone
from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import FLAGS
from revise.study.search import CardRow
from revise.textsafe import inert

STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
QUESTION_WIDTH = 60


def card_dict(row: CardRow) -> dict[str, object]:
    """A card as JSON: times in ISO 8601 (UTC), the state and flag by name."""
    data = asdict(row)
    data["tags"] = list(row.tags)
    data["state"] = STATE_NAMES[row.state]
    data["flag"] = FLAGS.get(row.flag)
    for key in ("due", "added"):
        value = data[key]
        data[key] = None if value is None else value.isoformat()
    return data


def due_text(row: CardRow) -> str:
    """When the card is due, as a local date; or why it is not shown."""
    if row.suspended:
        return "suspended"
    if row.buried:
        return "buried"
    if row.due is None:
        return "new"
    return row.due.astimezone(local_zone()).strftime("%Y-%m-%d")


def one_line(text: str, width: int) -> str:
    """`text` on one line, shown inert, cut to `width` characters with an ellipsis."""
    flat = inert(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def card_lines_header() -> str:
    return (
        f"{'card':>7}  {'due':<10}  {'ivl':>5}  {'revs':>4}  {'lapses':>6}  {'deck':<20}  question"
    )


def card_line(row: CardRow) -> str:
    interval = "" if row.interval_days is None else f"{row.interval_days}d"
    return (
        f"{row.id:>7}  {due_text(row):<10}  {interval:>5}  {row.reviews:>4}  {row.lapses:>6}  "
        f"{one_line(row.deck, 20):<20}  {one_line(row.question, QUESTION_WIDTH)}"
    )
