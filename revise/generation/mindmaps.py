"""Mind maps saved in a mind-mapping app's own file: OPML (`.opml`: XMind, MindNode, iThoughts,
SimpleMind, MindManager, outliners) and FreeMind/Freeplane (`.mm`).

OPML nests `<outline text="...">` elements, a node's notes in its `_note` attribute; a `.mm` file
nests `<node TEXT="...">` elements, a node's notes (and Freeplane's details) in a
`<richcontent TYPE="NOTE">` HTML page or text (an old FreeMind's in a `NodeNote` hook), its
attributes as `<attribute NAME=... VALUE=...>`.
Either is read as the Markdown a mind-mapping app exports of the same map: the central topic is
the title, its main branches are headings, the nodes below them nested points, and a node's notes
the text under its point; every line names the line of the file its node or note is on. An
outline with no central topic (an outliner's OPML, Workflowy's or Dynalist's) is a list of
points under the file's title, as the outliner shows it.

The XML is read with expat, entity declarations refused, so that neither an entity that expands
into a billion letters nor an external file's text can come in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from revise.generation.document import Document
from revise.generation.patterns import lazy_regex

# the kind of notes -> what a file of it is called
MAP_KINDS = {"opml": "an OPML file", "freemind": "a FreeMind or Freeplane map"}
_ROOTS = {"opml": "opml", "freemind": "map"}
MAX_DEPTH = 30  # points deeper than this in a map are read at this depth
_NODE = {"opml": "outline", "freemind": "node"}
_RICH_BLOCKS = frozenset(
    ["p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"]
)
_RICH_STRONG = frozenset(["b", "strong"])
_BOLD_SPACES = lazy_regex(r"\*\*\s*([^*]*?)\s*\*\*")
_TAG = lazy_regex(r"</?[A-Za-z][^<>]*>")
_TEXT_BREAK = lazy_regex(r"<br\s*/?>|</p>|</div>|</li>", re.I)


class MapError(ValueError):
    """A mind-map file that cannot be read: the line it goes wrong on and what is wrong."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class _Node:
    text: str
    line: int
    notes: list[tuple[str, int]] = field(default_factory=list)  # (a line of text, its file line)
    children: list[_Node] = field(default_factory=list)


@dataclass
class _Map:
    title: str = ""
    title_line: int = 0
    roots: list[_Node] = field(default_factory=list)


def check_mind_map(text: str, kind: str) -> None:
    """Raises MapError when the text is no mind map of its kind that has a node to read."""
    _read(text, kind)


def parse_mind_map(text: str, kind: str) -> Document:
    """The map as blocks, each naming its line in the file."""
    from revise.generation.orgnotes import parse_translated

    lines, origins = _as_markdown(_read(text, kind))
    return parse_translated(lines, origins)


def text_as_read(text: str, kind: str) -> str:
    """The map's text line for line as its reader reads it: each line of the file holding the
    Markdown its node or note is read as (XML's tags are no text of the notes)."""
    from revise.generation.orgnotes import placed_by_origin

    try:
        tree = _read(text, kind)
    except MapError:
        return text
    return placed_by_origin(*_as_markdown(tree), text.count("\n") + 1)


_LIST_MARK = lazy_regex(r"^[-+*]\s+")


def _as_markdown(tree: _Map) -> tuple[list[str], list[int]]:
    """Markdown lines, and the line of the file each comes from."""
    read: list[str] = []
    origins: list[int] = []

    def add(line: str, origin: int) -> None:
        read.append(line)
        origins.append(origin)

    def text_under(node: _Node, indent: str) -> None:
        """A heading's notes, each line a paragraph of its own (as the app shows them: a line
        the student typed is never run on into the next), an item a point."""
        for note, origin in node.notes:
            if note:
                if not note.startswith("- ") or not read[-1].startswith("- "):
                    add("", origin)
                add(indent + note.lstrip("#"), origin)

    def point(top: _Node, depth: int) -> None:
        below = [(top, depth)]  # (a map may be deeper than Python's recursion goes)
        while below:
            node, depth = below.pop()
            indent = "  " * min(depth, MAX_DEPTH)
            # ("+ very fast", "- low yield": a node's own mark, a pro or a con, is no list of
            # points under the node before it)
            add(f"{indent}- {_LIST_MARK.sub('', node.text)}", node.line)
            for note, origin in node.notes:  # a point's notes are points of their own below it
                if note.strip("- "):
                    add(f"{indent}  - {note.removeprefix('- ')}", origin)
            below.extend((child, depth + 1) for child in reversed(node.children))

    def branch(node: _Node, level: int) -> None:
        add("", node.line)
        add(f"{'#' * level} {node.text}", node.line)
        text_under(node, "")
        add("", node.line)
        for child in node.children:
            point(child, 0)

    if len(tree.roots) == 1:  # the central topic, the map's title
        root = tree.roots[0]
        add(f"# {root.text}", root.line)
        text_under(root, "")
        # a branch with nothing on it heads nothing: a point of the map's own, before the rest
        bare = [child for child in root.children if not child.children and not child.notes]
        if bare:
            add("", bare[0].line)
        for child in bare:
            point(child, 0)
        for child in root.children:
            if not any(child is point_ for point_ in bare):
                branch(child, 2)
        return read, origins
    # no central topic: an outliner's document (Workflowy, Dynalist), its points under its title
    if tree.title:
        add(f"# {tree.title}", tree.title_line)
        add("", tree.title_line)
    for root in tree.roots:
        point(root, 0)
    return read, origins


def _read(text: str, kind: str) -> _Map:
    reader = _Reader(kind)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = reader.refuse_entity
    parser.UnparsedEntityDeclHandler = reader.refuse_entity
    parser.ExternalEntityRefHandler = reader.refuse_entity
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    reader.parser = parser
    name = MAP_KINDS[kind]
    again = "export the map from the app again"
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise MapError(
            error.lineno, f"{name} that is not well-formed XML ({reason}): {again}"
        ) from None
    if reader.root != _ROOTS[kind]:
        raise MapError(
            None, f"not {name}: its XML is <{reader.root}>, not <{_ROOTS[kind]}> ({again})"
        )
    if not reader.map.roots:
        raise MapError(None, f"{name} with no nodes in it (add some to the map first)")
    return reader.map


class _Reader:
    """Builds the map from expat's events."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.parser: expat.XMLParserType | None = None
        self.map = _Map()
        self.root = ""
        self.path: list[str] = []  # the names of the open elements
        self.nodes: list[_Node | None] = []  # per open element: the node it is, if it is one
        self.rich: str | None = None  # the TYPE of the open richcontent
        self.rich_depth = 0  # and how deep it is among the open elements
        self.rich_lines: list[tuple[str, int]] = []  # the lines of its text, each with its line
        self.rich_text: list[str] = []  # the open line's pieces,
        self.rich_line = 0  # and the line it starts on
        self.title: list[str] | None = None

    def line(self) -> int:
        assert self.parser is not None
        return self.parser.CurrentLineNumber

    def refuse_entity(self, *_: object) -> int:
        raise MapError(
            self.line(),
            "an XML entity declaration, which no mind-mapping app writes: export the map again",
        )

    def node(self) -> _Node | None:
        return next((node for node in reversed(self.nodes) if node), None)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if not self.path:
            self.root = name
        parent = self.path[-1] if self.path else ""
        self.path.append(name)
        made: _Node | None = None
        if self.rich is not None:
            self._rich_start(name.casefold())
        elif name == _NODE[self.kind] and self._in_tree(parent):
            made = self._new_node(attributes)
        elif self.kind == "opml" and name == "title" and parent == "head":
            self.title = []
            self.map.title_line = self.line()
        elif self.kind == "freemind" and parent == "node" and self.nodes[-1]:
            # a node's own parts (a style's, in the map's settings, are none of its text)
            self._node_part(name, attributes, self.nodes[-1])
        self.nodes.append(made)

    def _node_part(self, name: str, attributes: dict[str, str], node: _Node) -> None:
        if name == "richcontent":
            self.rich = attributes.get("TYPE", "NOTE").upper()
            self.rich_lines = []
            self.rich_depth = len(self.path)
        elif name == "hook" and attributes.get("NAME", "").endswith("NodeNote.properties"):
            self.rich = "NOTE"  # an old FreeMind's note: its text in the hook's <text>
            self.rich_lines = []
            self.rich_depth = len(self.path)
        elif name == "attribute":
            label, value = attributes.get("NAME", "").strip(), attributes.get("VALUE", "").strip()
            if label and value:
                node.notes.append((f"{label}: {value}", self.line()))

    def _in_tree(self, parent: str) -> bool:
        if self.kind == "opml":
            return parent in ("body", "outline") and "head" not in self.path
        return parent in ("map", "node") and not {"hook", "map_styles"} & set(self.path)

    def _new_node(self, attributes: dict[str, str]) -> _Node | None:
        if self.kind == "opml":
            text = _from_markup(attributes.get("text") or attributes.get("title") or "")
            notes = attributes.get("_note", "")
        else:
            text = " ".join(attributes.get("TEXT", "").split())
            notes = ""
        node = _Node(text, self.line())
        node.notes = [(line.strip(), node.line) for line in notes.split("\n")]
        while node.notes and not node.notes[-1][0]:
            node.notes.pop()
        parent = self.node()
        (parent.children if parent else self.map.roots).append(node)
        return node

    def end(self, name: str) -> None:
        self.path.pop()
        made = self.nodes.pop()
        if self.rich is not None and len(self.path) + 1 == self.rich_depth:
            self._rich_end()
        elif self.rich is not None:
            self._rich_close(name.casefold())
        elif self.title is not None and name == "title":
            self.map.title = " ".join("".join(self.title).split())
            self.title = None
        if made is not None and not made.text:  # a node with no text: its points go up a level
            siblings = self.node().children if self.node() else self.map.roots
            if made in siblings:
                at = siblings.index(made)
                siblings[at : at + 1] = made.children

    def data(self, text: str) -> None:
        if self.rich is not None and not {"head", "style", "script"} & set(self.path):
            # (a note kept as plain text or Markdown, not HTML, breaks its lines where they end)
            parts = text.split("\n") if "html" not in self.path else [text]
            for index, part in enumerate(parts):
                if index:
                    self._rich_break()
                if part.strip() and not self.rich_line:
                    self.rich_line = self.line() + index
                self.rich_text.append(part)
        elif self.title is not None:
            self.title.append(text)

    def _rich_start(self, tag: str) -> None:
        if tag in _RICH_BLOCKS:
            self._rich_break()
            if tag == "li":
                self.rich_text.append("- ")
        elif tag in _RICH_STRONG:
            self.rich_text.append("**")

    def _rich_close(self, tag: str) -> None:
        if tag in _RICH_BLOCKS:
            self._rich_break()
        elif tag in _RICH_STRONG:
            self.rich_text.append("**")

    def _rich_break(self) -> None:
        """The end of a paragraph (or line, or item) of a rich note: a line of its own."""
        text = _BOLD_SPACES.sub(r"**\1**", " ".join("".join(self.rich_text).split()))
        if text.strip("*- "):
            self.rich_lines.append((text, self.rich_line or self.line()))
        self.rich_text = []
        self.rich_line = 0

    def _rich_end(self) -> None:
        self._rich_break()
        node = self.node()
        if node is not None:
            if self.rich == "NODE":
                node.text = " ".join(text for text, _ in self.rich_lines)
            else:
                node.notes.extend(self.rich_lines)
        self.rich = None
        self.rich_lines = []


def _from_markup(text: str) -> str:
    """An OPML node's text, which may be HTML ("<b>Mitosis</b>"), as plain text on one line."""
    if _TAG.search(text):
        text = _TEXT_BREAK.sub(" ", text)
        text = re.sub(r"</?(?:b|strong)\s*>", "**", text, flags=re.I)
        text = _TAG.sub("", text)
        text = html.unescape(text)
    return " ".join(text.split())
