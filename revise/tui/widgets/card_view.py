"""The card being studied: context, prompt, and after reveal the answer with where it came from.

LaTeX maths is shown as Unicode text where it can be (revise/maths.py), and the pictures a side
mentions are drawn under it (revise/tui/widgets/pictures.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Rule, Static

from revise.errors import ReviseError
from revise.maths import card_maths
from revise.textsafe import inert
from revise.tui.widgets.pictures import Pictures, load_picture, picture_names

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from revise.study.collection import StudyCard

GAP = "[...]"  # what a cloze prompt shows in place of its deletion (revise.formats.model.GAP)
STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
# The parts a card's first frame does not show (its pictures, the answer and where the card came
# from), mounted once the first card is on the terminal: building and styling them before it was
# a good part of `revise study`'s start.
LATER_PARTS = (
    "card-prompt-pictures",
    "card-divider",
    "card-answer",
    "card-answer-pictures",
    "card-meta",
)


class PicturesLoaded(Message):
    def __init__(self, card_id: int, prompt: list[PILImage], answer: list[PILImage]) -> None:
        super().__init__()
        self.card_id = card_id
        self.prompt = prompt
        self.answer = answer


class CardView(VerticalScroll):
    """Shows one card. Every piece of card text goes in as inert `Content`: never markup, never
    a control code (`revise.textsafe`)."""

    card_id: int | None = None
    has_context = False  # the card shown has a heading trail above its prompt
    cloze = False  # the card shown is a cloze: its full text replaces the prompt on reveal

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._later_added = False  # the LATER_PARTS are mounted
        # Until they are: what they are to show, whether each is displayed, the pictures.
        self._later_content: dict[str, Content] = {}
        self._later_displayed: dict[str, bool] = {}
        self._later_pictures: tuple[list[PILImage], list[PILImage]] = ([], [])

    def compose(self) -> ComposeResult:
        yield Static(id="card-context")
        yield Static(id="card-prompt")

    def add_later_parts(self) -> None:
        """Mount the LATER_PARTS, showing what they were given meanwhile (the review screen
        does once the first card is on the terminal; anything that shows one does before)."""
        if self._later_added:
            return
        parts: list[Widget] = [
            Pictures(id="card-prompt-pictures"),
            Rule(id="card-divider", line_style="dashed"),
            Static(self._later_content.get("card-answer", ""), id="card-answer"),
            Pictures(id="card-answer-pictures"),
            Static(self._later_content.get("card-meta", ""), id="card-meta"),
        ]
        for part in parts:
            if part.id in self._later_displayed:
                part.display = self._later_displayed[part.id]
        self.mount_all(parts)
        if not parts[0].is_attached:
            # Not mounted: this view is being removed (the app closing as its first frame is
            # written). What it is given meanwhile is kept, as before.
            return
        self._later_added = True
        self.show_pictures(*self._later_pictures)

    def show_card(self, card: StudyCard) -> None:
        """Show the front of `card`, answer hidden."""
        self.border_title = Content(inert(card.deck))
        self.border_subtitle = Content(STATE_NAMES.get(card.state, ""))
        context = inert(card_maths(shown_context(card.context, card.deck)))
        self.set_part("card-context", Content(context))
        self.set_part("card-prompt", prompt_content(card.prompt))
        self.set_part("card-answer", answer_content(card))
        self.set_part("card-meta", meta_content(card))
        self.remove_class("-empty")
        self.has_context = bool(context)
        # A cloze's full text replaces its prompt on reveal, as in Anki, instead of repeating it.
        self.cloze = GAP in card.prompt
        self.show_parts(context=self.has_context, prompt=True, answer=False, meta=False)
        self.scroll_home(animate=False)
        self.card_id = card.id
        self.show_pictures([], [])
        if card.media:
            self.load_pictures(card)

    @work(thread=True, exclusive=True, group="pictures")
    def load_pictures(self, card: StudyCard) -> None:
        """Read the pictures each side mentions out of the collection and decode them."""
        prompt = picture_names(card.prompt, card.media)
        # A cloze's full text replaces its prompt on reveal, pictures and all.
        shown_first = [] if GAP in card.prompt else prompt
        answer = [name for name in picture_names(card.full, card.media) if name not in shown_first]
        loaded: dict[str, PILImage | None] = {}
        for name in dict.fromkeys(prompt + answer):
            try:
                loaded[name] = load_picture(self.app.collection.media_file(name))  # type: ignore[attr-defined]
            except ReviseError:  # not in the collection: `o` says so
                loaded[name] = None
        self.post_message(
            PicturesLoaded(
                card.id,
                [picture for name in prompt if (picture := loaded[name]) is not None],
                [picture for name in answer if (picture := loaded[name]) is not None],
            )
        )

    def on_pictures_loaded(self, message: PicturesLoaded) -> None:
        if message.card_id == self.card_id:
            self.show_pictures(message.prompt, message.answer)

    def show_pictures(self, prompt: list[PILImage], answer: list[PILImage]) -> None:
        if not self._later_added:
            self._later_pictures = (prompt, answer)
            if not prompt and not answer:
                return
            self.add_later_parts()  # which shows them
            return
        self.get_child_by_id("card-prompt-pictures", Pictures).show(prompt)
        self.get_child_by_id("card-answer-pictures", Pictures).show(answer)

    def reveal(self) -> None:
        self.show_parts(context=self.has_context, prompt=not self.cloze, answer=True, meta=True)
        if self._later_added:  # (else this view is being removed: see add_later_parts)
            self.call_after_refresh(self.scroll_answer_into_view)

    def scroll_answer_into_view(self) -> None:
        """On a small terminal the answer may fall below the fold: scroll as little as shows it
        and where it came from, or, if they do not fit, the answer's first lines."""
        answer = self.query_one("#card-answer").virtual_region_with_margin
        meta = self.query_one("#card-meta").virtual_region_with_margin
        self.scroll_to_region(answer.union(meta), animate=False, immediate=True)

    def show_message(self, title: str, detail: str) -> None:
        """Show a message instead of a card, e.g. when nothing is due."""
        self.card_id = None
        self.show_pictures([], [])
        self.border_title = None
        self.border_subtitle = None
        self.set_part("card-context", Content(""))
        self.set_part("card-prompt", Content(title))
        self.set_part("card-answer", Content(""))
        self.set_part("card-meta", Content(detail))
        self.add_class("-empty")
        self.show_parts(context=False, prompt=True, answer=False, meta=True)

    def set_part(self, part: str, content: Content) -> None:
        if part in LATER_PARTS and not self._later_added:
            self._later_content[part] = content
        else:
            self.get_child_by_id(part, Static).update(content)

    def show_parts(self, *, context: bool, prompt: bool, answer: bool, meta: bool) -> None:
        """Which parts of the card are on screen (the divider goes with the prompt and the
        answer both). Set on each part rather than as a class on the card: a class would restyle
        every part, on the way from each answer to the next card."""
        shown = {
            "card-context": context,
            "card-prompt": prompt,
            "card-prompt-pictures": prompt,
            "card-divider": prompt and answer,
            "card-answer": answer,
            "card-answer-pictures": answer,
            "card-meta": meta,
        }
        if not self._later_added:
            self._later_displayed = shown
            if any(shown[part] for part in LATER_PARTS if part != "card-prompt-pictures"):
                self.add_later_parts()
            if not self._later_added:
                shown = {"card-context": context, "card-prompt": prompt}  # (pictures: none yet)
        for part, display in shown.items():
            self.get_child_by_id(part).display = display


def shown_context(context: str, deck: str) -> str:
    """The heading trail without a first heading that only repeats the deck name in the title."""
    first, separator, rest = context.partition(" > ")
    if first.strip().casefold() == deck.rsplit("::", 1)[-1].strip().casefold():
        return rest if separator else ""
    return context


def prompt_content(prompt: str) -> Content:
    """The prompt with cloze gaps highlighted."""
    prompt = inert(card_maths(prompt), lines=True)
    content = Content(prompt)
    start = prompt.find(GAP)
    while start != -1:
        content = content.stylize("bold reverse", start, start + len(GAP))
        start = prompt.find(GAP, start + len(GAP))
    return content


def answer_content(card: StudyCard) -> Content:
    """The full text, with the answer picked out where a single cloze gap stood."""
    sides = (card.full, card.prompt, card.answer)
    full, prompt, answer = (inert(card_maths(side), lines=True) for side in sides)
    content = Content(full)
    gap = prompt.find(GAP)
    if gap != -1 and prompt.count(GAP) == 1:
        end = gap + len(answer)
        if answer and full[gap:end] == answer:
            content = content.stylize("bold underline", gap, end)
    return content


def meta_content(card: StudyCard) -> Content:
    """Where the card came from and its tags, for finding it again in the notes."""
    parts: list[str] = []
    if card.source:
        parts.append(card.source)
    if card.tags:
        parts.append(" ".join(f"#{tag}" for tag in card.tags))
    if card.media:
        parts.append("media: " + ", ".join(card.media))
    return Content(inert("  ·  ".join(parts)))
