"""Values defined by the storage layer that the faces (the TUI, the CLI) show or pass on: the
flags a card can carry and the line shown while another writer holds the collection.

Re-exported here, not copied, so that the TUI reaches the collection only through revise.study
(a contract in pyproject.toml). Light on purpose: the review screen imports it on the way to the
first card, before SQLAlchemy is loaded.
"""

from __future__ import annotations

from revise.storage.busy import WAITING
from revise.storage.values import FLAGS

__all__ = ["FLAGS", "WAITING"]
