"""A list of the keys that work on the screen underneath, as the user's keymap has them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from revise.textsafe import inert


def help_rows(screen: Screen[object], app: App[object]) -> list[tuple[str, str, bool]]:
    """(keys, what they do, usable now) for each described binding active on `screen`."""
    keys_by_action: dict[tuple[str, str], list[str]] = {}
    enabled: dict[tuple[str, str], bool] = {}
    for key_binding in screen.active_bindings.values():
        binding = key_binding.binding
        # Textual's own bindings kept out of the footer (scrolling, focus) would bury the ones
        # that matter; revise's own (with an id) are listed even when the footer has no room.
        if not binding.description or not (binding.show or binding.id):
            continue
        entry = (binding.action, binding.description)
        keys = keys_by_action.setdefault(entry, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
        enabled[entry] = enabled.get(entry, False) or key_binding.enabled
    return [
        (" / ".join(keys), description, enabled[(action, description)])
        for (action, description), keys in keys_by_action.items()
    ]


class HelpScreen(ModalScreen[None]):
    """Shows `help_rows`; any of Esc, q or ? closes it."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str, bool]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        # Scrolled by the keyboard (arrows, Page Down, End) where it is taller than the screen.
        with VerticalScroll(id="help-panel", classes="dialog") as panel:
            panel.border_title = "Keys"
            panel.border_subtitle = "Esc closes"
            yield Static(keys_table(self.rows), id="help-keys")


def keys_table(rows: list[tuple[str, str, bool]]) -> Content:
    rows = [(inert(keys), description, usable) for keys, description, usable in rows]
    width = max((len(keys) for keys, _, _ in rows), default=0)
    lines = [
        Content.assemble(
            (keys.ljust(width), "bold $accent" if usable else "dim"),
            "  ",
            (description, "" if usable else "dim"),
        )
        for keys, description, usable in rows
    ]
    return Content("\n").join(lines)
