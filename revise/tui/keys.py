"""The keys a config file may rebind: every binding id the app's screens declare, and no key
given to two actions of one screen."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _character_to_key

from revise.errors import ReviseError

GLOBAL_SCOPE = "app"  # the app's own bindings work on every screen


def app_bindings() -> dict[str, Binding]:
    """Binding id -> binding, for every binding with an id in the terminal app."""
    import importlib
    import pkgutil

    import revise.tui.app
    import revise.tui.screens

    for module in pkgutil.iter_modules(revise.tui.screens.__path__):
        importlib.import_module(f"revise.tui.screens.{module.name}")
    return {
        binding.id: binding
        for node in _subclasses(DOMNode)
        if node.__module__.startswith("revise.tui.")
        for binding in node.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.id
    }


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def check_keymap(keymap: dict[str, str], where: str) -> None:
    """Refuse unknown binding ids, and a rebinding that takes a key another action of the same
    screen (or of the whole app) already has."""
    if not keymap:
        return  # nothing rebound; this also keeps every screen's import off the start-up path
    bindings = app_bindings()
    for binding_id in keymap:
        if binding_id not in bindings:
            known = ", ".join(sorted(bindings))
            raise ReviseError(f"{where}: [keys] unknown binding id {binding_id!r} (known: {known})")
    keys = {
        binding_id: _split(keymap.get(binding_id, binding.key))
        for binding_id, binding in bindings.items()
    }
    for binding_id in keymap:
        for other, other_keys in keys.items():
            if other == binding_id or not _same_screen(binding_id, other):
                continue
            shared = [key for key in keys[binding_id] if key in other_keys]
            if shared:
                raise ReviseError(
                    f"{where}: [keys] {binding_id!r} takes {shared[0]!r}, the key of "
                    f"{other!r} (choose another key, or rebind {other!r} too)"
                )


def _split(keys: str) -> list[str]:
    """Key names as Textual matches them: `?` and `question_mark` are one key."""
    names = (key.strip() for key in keys.split(","))
    return [_character_to_key(name) if len(name) == 1 else name for name in names if name]


def _same_screen(one: str, other: str) -> bool:
    scopes = {one.partition(".")[0], other.partition(".")[0]}
    return len(scopes) == 1 or GLOBAL_SCOPE in scopes
