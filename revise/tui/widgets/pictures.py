"""Pictures shown in the card, under the text that mentions them (`(image: NAME)`).

textual-image draws them with Kitty's graphics protocol or Sixel where the terminal has them,
else with coloured half-block cells (Unicode blocks when not on a terminal at all). It asks the
terminal what it can draw when it is first imported, which only works before the app takes the
terminal over: `prepare_pictures` is called before the app starts, when the collection holds
pictures. A picture that cannot be decoded (or a missing library) leaves the mention alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widget import Widget

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

# As revise.formats.htmltext.media_mention writes a picture into card text.
_PICTURE = re.compile(r"\(image: ([^()\n]+)\)")
MAX_PIXELS = 1600  # pictures are scaled down to this many pixels a side before drawing
_prepared = False  # textual-image loaded before the app started: see prepare_pictures


def prepare_pictures() -> bool:
    """Load textual-image, letting it ask the terminal which graphics it can draw; False when it
    cannot be loaded (pictures then stay mentions)."""
    global _prepared
    try:
        import textual_image.widget  # noqa: F401
    except Exception:  # not installed, or the terminal could not be asked
        return False
    _prepared = True
    return True


def picture_widget() -> type[Widget] | None:
    """The widget that draws a picture the best way this terminal can; None without
    textual-image, or when it was not loaded before the app started (asking the terminal then
    would mix its answer into the keys the app reads)."""
    if not _prepared:
        return None
    try:
        from textual_image.widget import Image
    except Exception:  # not installed: the mentions in the text remain
        return None
    return Image  # type: ignore[return-value]


def picture_names(text: str, media: tuple[str, ...]) -> list[str]:
    """The pictures `text` mentions that are among the card's media files, in order, once."""
    names = (match[1] for match in _PICTURE.finditer(text))
    return list(dict.fromkeys(name for name in names if name in media))


def load_picture(path: Path) -> PILImage | None:
    """The decoded picture (scaled down if large), or None if it is not one PIL can read."""
    try:
        from PIL import Image

        with Image.open(path) as opened:
            opened.thumbnail((MAX_PIXELS, MAX_PIXELS))
            return opened.copy()
    except Exception:  # PIL's many errors for unreadable, broken or unsupported pictures
        return None


class Pictures(Vertical):
    """The pictures of one side of the card."""

    def show(self, pictures: list[PILImage]) -> None:
        """Draw these pictures instead of those shown; none leaves no room taken."""
        if not pictures and not self.children:
            return  # most cards: nothing drawn before or now, nothing to do on the way to them
        self.remove_children()
        widget = picture_widget() if pictures else None
        if widget is not None:
            self.mount_all(widget(picture, classes="picture") for picture in pictures)  # type: ignore[call-arg]
