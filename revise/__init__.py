"""revise: spaced-repetition revision in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Collection", "Rating", "__version__"]

if TYPE_CHECKING:
    from revise.scheduling.scheduler import Rating
    from revise.study.collection import Collection


def __getattr__(name: str) -> Any:
    # Imported on first use so that `revise --version` does not pay for SQLAlchemy and FSRS.
    if name == "Collection":
        from revise.study.collection import Collection

        return Collection
    if name == "Rating":
        from revise.scheduling.scheduler import Rating

        return Rating
    raise AttributeError(f"module 'revise' has no attribute {name!r}")
