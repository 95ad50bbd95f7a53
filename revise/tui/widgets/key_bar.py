"""The keys a screen answers to, on one line at the bottom, as Textual's Footer shows them.

One widget drawing the whole line, rather than Footer's widget per key: Footer builds and styles
a dozen widgets before the first frame of `revise study` and of the deck list, and builds them
all again each time a key is greyed out or comes back, which the review screen does on every
card. Here that is one repaint of one line.

Like Footer: the screen's shown bindings in order, one entry per action (its first key), a
`Binding.Group` as its keys side by side and the group's name (`1234 Grade`), a key that cannot
be used yet dimmed, a click on a key pressing it (a bell when it is greyed out), its description
as the tooltip. The line is spaced as Footer's (` q Quit  ? Keys`), and closer (`q Quit ? Keys`)
on a narrow screen or where it would not fit, as app.tcss spaces Footer there, so every key
stays on a 60-column terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

from revise.textsafe import inert

NARROW = "-narrow"  # the class ReviseApp's breakpoints give a screen under WIDE_COLUMNS
WIDE_COLUMNS = 80


class _Entry(NamedTuple):
    """One thing on the line: a key with what it does, or a group's keys and its name."""

    keys: tuple[tuple[str, str, bool, str], ...]  # (key, as shown, usable, tooltip)
    description: str
    grouped: bool


class _Span(NamedTuple):
    start: int
    end: int
    key: str
    usable: bool
    tooltip: str


class KeyBar(Widget):
    """Styled in app.tcss: the keys (`key-bar--key`), their descriptions
    (`key-bar--description`), and the entry under the mouse (`key-bar--hover`)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {  # noqa: RUF012 (Textual reads this class attribute)
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[_Span] = []
        self._hover: int | None = None  # the start of the span under the mouse
        self._drawn: list[_Entry] | None = None  # the entries drawn (None: not drawn yet)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: object) -> None:
        # The screen's bindings are updated several times as it is first shown, and after
        # every key, mostly to the same keys: the line is drawn again only if they differ.
        if self._drawn is None:
            self.refresh()
            return
        entries = list(self._entries())
        if entries != self._drawn:
            self._drawn = entries
            self.refresh()

    def _entries(self) -> Iterator[_Entry]:
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action.setdefault(binding.action, (binding, enabled, tooltip))
        shown = self.app.get_key_display
        for group, members in groupby(by_action.values(), lambda entry: entry[0].group):
            bindings = list(members)
            if group is not None and len(bindings) > 1:
                keys = tuple(
                    (b.key, shown(b), enabled, tooltip or b.description)
                    for b, enabled, tooltip in bindings
                )
                yield _Entry(keys, group.description, grouped=group.compact)
            else:
                for b, enabled, tooltip in bindings:
                    yield _Entry(((b.key, shown(b), enabled, tooltip),), b.description, False)

    def render(self) -> Text:
        if self._drawn is None:  # else the screen's bindings are unchanged since
            self._drawn = list(self._entries())
        entries = self._drawn
        # The terminal's width now: the screen's breakpoint class follows a resize only after
        # this bar has been drawn at its new size.
        line = self._line(entries, roomy=self.app.size.width >= WIDE_COLUMNS)
        if line.cell_len > self.size.width:
            line = self._line(entries, roomy=False)
        line.no_wrap = True
        line.overflow = "crop"
        line.end = ""
        return line

    def _line(self, entries: list[_Entry], *, roomy: bool) -> Text:
        """Footer's spacing (roomy: a space each side of a key, one after a description) or its
        compact one (a space between a key and its description, one between entries, as
        app.tcss spaced Footer on the deck list)."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        dim = Style(dim=True)
        line = Text()
        spans: list[_Span] = []

        def add(text: str, style: Style, key: str | None, usable: bool, tooltip: str) -> None:
            start = line.cell_len
            if key is not None and start == self._hover:
                style += hover_style
            line.append(inert(text), style if usable else style + dim)
            if key is not None:
                spans.append(_Span(start, line.cell_len, key, usable, tooltip))

        for entry in entries:
            if len(entry.keys) == 1 and not entry.grouped and entry.description:
                key, shown, usable, tooltip = entry.keys[0]
                start = line.cell_len
                label = f" {shown} " if roomy else shown
                described = f"{entry.description} " if roomy else f" {entry.description}"
                line.append(inert(label), key_style if usable else key_style + dim)
                line.append(inert(described), text_style if usable else text_style + dim)
                if start == self._hover:
                    line.stylize(hover_style, start, line.cell_len)
                spans.append(_Span(start, line.cell_len, key, usable, tooltip or entry.description))
                if not roomy:
                    line.append(" ")
                continue
            if roomy:
                line.append(" ")
            for key, shown, usable, tooltip in entry.keys:
                add(shown, key_style, key, usable, tooltip)
                if not entry.grouped:
                    line.append(" ")
            if entry.grouped:
                line.append(" ")
            line.append(inert(entry.description), text_style)
            line.append(" ")
        self._spans = spans
        return line

    def _span_at(self, x: int) -> _Span | None:
        return next((span for span in self._spans if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        span = self._span_at(event.x)
        hover = None if span is None else span.start
        if hover != self._hover:
            self._hover = hover
            self.tooltip = None if span is None else span.tooltip
            self.refresh()

    def on_leave(self, _: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        span = self._span_at(event.x)
        if span is None:
            return
        if span.usable:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()
