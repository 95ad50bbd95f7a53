"""The keys a config file may rebind: every binding id the app's screens declare, and no key
given to two actions of one screen."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from textual._keyboard_protocol import FUNCTIONAL_KEYS
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_ALIASES, Keys, _character_to_key

from revise.errors import ReviseError
from revise.textsafe import quoted

GLOBAL_SCOPE = "app"  # the app's own bindings work on every screen
# Modifiers as Textual writes them in a key's name: in this order, each joined by "+".
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
KEY_NAMES_ALLOWED = (
    'write one character such as "j", or a lower-case name such as "f1", "escape", "space", '
    '"question_mark", with modifiers first: "ctrl+a", "ctrl+shift+up"'
)


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
    for binding_id, keys in keymap.items():
        for key in keys.split(","):
            if (problem := _key_problem(key.strip())) is not None:
                raise ReviseError(
                    f"{where}: [keys] {quoted(binding_id)}: {quoted(key.strip())} {problem}"
                )
    bindings = app_bindings()
    for binding_id in keymap:
        if binding_id not in bindings:
            known = ", ".join(sorted(bindings))
            raise ReviseError(
                f"{where}: [keys] unknown binding id {quoted(binding_id)} (known: {known})"
            )
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
                    f"{where}: [keys] {quoted(binding_id)} takes {quoted(shared[0])}, the key of "
                    f"{quoted(other)} (choose another key, or rebind {quoted(other)} too)"
                )


def _split(keys: str) -> list[str]:
    """Key names as Textual matches them: `?` and `question_mark` are one key."""
    names = (key.strip() for key in keys.split(","))
    return [_character_to_key(name) if len(name) == 1 else name for name in names if name]


def _same_screen(one: str, other: str) -> bool:
    scopes = {one.partition(".")[0], other.partition(".")[0]}
    return len(scopes) == 1 or GLOBAL_SCOPE in scopes


def _key_problem(name: str) -> str | None:
    """Why Textual never reports a key by this name (a binding to it could not be pressed),
    or None for a key it does report."""
    if len(name) == 1:
        return (
            None
            if name.isprintable() and not name.isspace()
            else f"is no key ({KEY_NAMES_ALLOWED})"
        )
    *modifiers, base = name.split("+")
    known = len(base) == 1 or base in _base_key_names()
    in_order = all(modifier in MODIFIERS for modifier in modifiers) and modifiers == sorted(
        set(modifiers), key=MODIFIERS.index
    )
    if not known or not in_order:
        return f"is no key ({KEY_NAMES_ALLOWED})"
    if name in _keys_the_app_keeps():
        return "always quits the app (choose another key)"
    return None


@cache
def _base_key_names() -> frozenset[str]:
    """The names Textual gives keys without their modifiers: functional keys (`f1`, `escape`,
    `pageup`) and printable characters spelt out (`question_mark`, `plus`)."""
    names = {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}
    names |= set(FUNCTIONAL_KEYS.values())
    names |= {_character_to_key(chr(code)) for code in range(0x21, 0x7F)}
    names |= {alias.rpartition("+")[2] for aliases in KEY_ALIASES.values() for alias in aliases}
    return frozenset(name for name in names if name.isidentifier() or name.isalnum())


def _keys_the_app_keeps() -> set[str]:
    """Keys Textual's own app binds before any screen sees them (ctrl+q quits)."""
    return {
        key.strip()
        for binding in App.BINDINGS
        if isinstance(binding, Binding) and binding.priority
        for key in binding.key.split(",")
    }
