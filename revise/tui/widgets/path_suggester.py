"""Completes file paths as they are typed (accept with the right arrow)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

from revise.textsafe import inert


class PathSuggester(Suggester):
    def __init__(self) -> None:
        # The file system changes under us, so suggestions are not cached.
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """`value` extended to the first entry of its folder that it starts; folders end with `/`."""
    if not value:
        return None
    folder_part, _, stem = value.rpartition(os.sep)
    folder = Path(os.path.expanduser(folder_part + os.sep if folder_part else "."))
    if not value.startswith(os.sep) and not folder_part:
        folder = Path(".")
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if not entry.name.startswith("."))
    except OSError:
        return None
    for name in names:
        if inert(name) != name:
            continue  # a name with control codes would reach the terminal in the suggestion
        if name.startswith(stem) and name != stem:
            completed = value + name[len(stem) :]
            if (folder / name).is_dir():
                completed += os.sep
            return completed
    return None
