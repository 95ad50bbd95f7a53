"""HTML card fields (Anki, CSV exports) made readable as plain text, and back.

Anki stores fields as HTML: `<div>` and `<br>` for lines, lists, entities, `<img src>` for pictures
and `[sound:file.mp3]` for audio. A terminal shows text, so blocks become lines, list items get
markers, and media become a readable mention such as `(image: cat.jpg)` whose file name is
reported so the reader can keep the file with the deck.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main", "nav", "ol",
        "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "template"})
_MEDIA_TAGS = {"img": "image", "audio": "sound", "video": "video", "source": "media"}
_SOUND = re.compile(r"\[sound:([^\]]+)\]")
_HTML_HINT = re.compile(
    r"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|</[a-zA-Z][a-zA-Z0-9]*>|&#?\w+;"
)
_MENTION = re.compile(r"\((image|sound|video|media): ([^()\n]+)\)")

_BR = "\x00br"
_BLOCK = "\x00block"


def looks_like_html(text: str) -> bool:
    """Whether a field contains tags or entities, so should be read as HTML."""
    return bool(_HTML_HINT.search(text))


def media_mention(kind: str, name: str) -> str:
    """How a media file shows in card text, e.g. `(image: cat.jpg)`."""
    return f"({kind}: {name})"


def media_mentions(text: str) -> list[str]:
    """The media file names a card text mentions, in order."""
    return [match[2] for match in _MENTION.finditer(text)]


# Words with single spaces and no markup characters read the same as text: most fields of a big
# deck, which then skip the HTML parser.
_PLAIN_WORDS = re.compile(r"[^\s<>&\[\]\x00-\x1f\x7f-\x9f]+(?: [^\s<>&\[\]\x00-\x1f\x7f-\x9f]+)*")


def html_to_text(markup: str) -> tuple[str, tuple[str, ...]]:
    """Readable text of an HTML field, and the local media file names it refers to, in order."""
    if _PLAIN_WORDS.fullmatch(markup):
        return markup, ()
    converter = _TextConverter()
    converter.feed(_SOUND.sub(lambda m: _sound_placeholder(m[1]), markup))
    converter.close()
    text = _join(converter.pieces)
    names = list(converter.media)
    for name in _SOUND_PLACEHOLDER.findall(text):
        names.append(name)
    text = _SOUND_PLACEHOLDER.sub(lambda m: media_mention("sound", m[1]), text)
    return text, tuple(dict.fromkeys(name for name in names if _is_local(name)))


def plain_to_text(text: str) -> tuple[str, tuple[str, ...]]:
    """A plain-text field: only `[sound:...]` references are turned into mentions."""
    names = tuple(dict.fromkeys(_SOUND.findall(text)))
    return _SOUND.sub(lambda m: media_mention("sound", m[1]), text).strip(), names


def text_to_html(text: str, media: tuple[str, ...] = ()) -> str:
    """HTML for a plain-text field: escaped, lines as `<br>`, mentions of `media` as media again."""
    pieces: list[str] = []
    end = 0
    for match in _MENTION.finditer(text):
        kind, name = match[1], match[2]
        if name not in media:
            continue
        pieces.append(_escape_lines(text[end : match.start()]))
        if kind == "image":
            pieces.append(f'<img src="{html.escape(name, quote=True)}">')
        else:
            pieces.append(f"[sound:{name}]")
        end = match.end()
    pieces.append(_escape_lines(text[end:]))
    return "".join(pieces)


def _escape_lines(text: str) -> str:
    escaped = html.escape(text, quote=False)
    # HTML folds runs of spaces; keep indentation and spacing with no-break spaces.
    escaped = re.sub(r"(?m)^ +| {2,}", lambda m: "&nbsp;" * len(m[0]), escaped)
    return escaped.replace("\n", "<br>")


_SOUND_PLACEHOLDER = re.compile("\x01sound:([^\x01]+)\x01")


def _sound_placeholder(name: str) -> str:
    # Kept out of the parser's way; turned into a mention once the HTML is gone.
    return f"\x01sound:{html.unescape(name)}\x01"


def _is_local(name: str) -> bool:
    return bool(name) and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", name)


@dataclass
class _List:
    ordered: bool
    count: int = 0


@dataclass
class _State:
    lists: list[_List] = field(default_factory=list)
    skip_depth: int = 0
    pre_depth: int = 0
    cells_in_row: int = 0


class _TextConverter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.media: list[str] = []
        self.state = _State()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        state = self.state
        if tag in _SKIPPED_TAGS:
            state.skip_depth += 1
            return
        if state.skip_depth:
            return
        if tag == "br":
            self.pieces.append(_BR)
        elif tag == "hr":
            self.pieces.extend([_BLOCK, "---", _BLOCK])
        elif tag in _MEDIA_TAGS:
            self._media(tag, dict(attrs))
        elif tag in ("ul", "ol"):
            state.lists.append(_List(ordered=tag == "ol"))
            self.pieces.append(_BLOCK)
        elif tag == "li":
            self._list_item()
        elif tag in ("td", "th"):
            if state.cells_in_row:
                self.pieces.append(" | ")
            state.cells_in_row += 1
        elif tag in _BLOCK_TAGS:
            if tag == "tr":
                state.cells_in_row = 0
            if tag == "pre":
                state.pre_depth += 1
            self.pieces.append(_BLOCK)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", *_MEDIA_TAGS):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        state = self.state
        if tag in _SKIPPED_TAGS:
            state.skip_depth = max(0, state.skip_depth - 1)
            return
        if state.skip_depth:
            return
        if tag in ("ul", "ol") and state.lists:
            state.lists.pop()
            self.pieces.append(_BLOCK)
        elif tag == "li":
            self.pieces.append(_BLOCK)
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                state.pre_depth = max(0, state.pre_depth - 1)
            self.pieces.append(_BLOCK)

    def handle_data(self, data: str) -> None:
        if self.state.skip_depth:
            return
        # A no-break space is meant to survive whitespace folding (indentation, "300 000").
        data = data.replace("\xa0", "\x02")
        if self.state.pre_depth:
            lines = data.split("\n")
            for index, line in enumerate(lines):
                if index:
                    self.pieces.append(_BR)
                self.pieces.append(line.replace(" ", "\x02"))
            return
        # HTML folds ASCII whitespace only; other spaces (em space, ...) are characters.
        self.pieces.append(re.sub(r"[ \t\n\r\f]+", " ", data))

    def _list_item(self) -> None:
        self.pieces.append(_BLOCK)
        if not self.state.lists:
            self.pieces.append("- ")
            return
        current = self.state.lists[-1]
        current.count += 1
        indent = "  " * (len(self.state.lists) - 1)
        marker = f"{current.count}. " if current.ordered else "- "
        self.pieces.append(f"{indent}{marker}".replace(" ", "\x02"))

    def _media(self, tag: str, attrs: dict[str, str | None]) -> None:
        name = (attrs.get("src") or "").strip()
        if not name:
            return
        self.media.append(name)
        self.pieces.append(" " + media_mention(_MEDIA_TAGS[tag], name) + " ")


def _join(pieces: list[str]) -> str:
    """Turn text and break markers into lines: blocks start on a fresh line, spaces collapse."""
    lines: list[str] = [""]
    for piece in pieces:
        if piece == _BR:
            lines.append("")
        elif piece == _BLOCK:
            if lines[-1].strip():
                lines.append("")
        else:
            lines[-1] += piece
    cleaned = [
        re.sub(r" {2,}", " ", line).strip(" ").replace("\x02", " ").rstrip(" ") for line in lines
    ]
    text = "\n".join(cleaned)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")
