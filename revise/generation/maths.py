"""Maths in notes as plain text: `$\\Delta H$` -> "ΔH", `H<sub>2</sub>O` -> "H₂O".

The conversion itself (pylatexenc; fractions; sub- and superscripts as Unicode sub- and
superscript characters where Unicode has them) is revise/maths.py's, shared with the cards the
app shows. Maths that cannot be written as plain text (display blocks,
fractions of fractions, a subscript letter Unicode lacks) keeps a `$` so the card builder can
leave that sentence alone rather than show LaTeX residue.
"""

from __future__ import annotations

import itertools
import re

from revise.formats.model import normalise
from revise.generation.patterns import lazy_regex
from revise.maths import (
    INLINE_DOLLARS,
    inline_latex_text,
    known_macro,
    latex_text,
    sub_text,
    super_text,
)

_PANDOC_SCRIPT = lazy_regex(r"(?<=\w)([~^])([^\s~^]{1,8})\1")
UNCONVERTED = "$"
MAX_DISPLAY_MATHS = 4000
_DISPLAY = lazy_regex(r"\$\$(.+)\$\$|\\\[(.+)\\\]", re.S)
_ENVIRONMENT = lazy_regex(
    r"\\(?:begin|end)\{(?:align|aligned|alignat|equation|gather|gathered|split|eqnarray)\*?\}"
)


def plain_maths(text: str) -> str:
    """The text with each short inline `$...$`, and Pandoc's `H~2~O` and `cm^3^`, written in
    Unicode where it can be."""
    if "~" in text or "^" in text:
        text = _PANDOC_SCRIPT.sub(_pandoc_script, text)
    if "$" not in text:
        return text
    return INLINE_DOLLARS.sub(lambda match: inline_latex_text(match[1]) or match[0], text)


def _pandoc_script(match: re.Match[str]) -> str:
    script = sub_text if match[1] == "~" else super_text
    return script(match[2]) or match[2]


def display_maths(text: str) -> str | None:
    """A display block as one line of plain text; None when it is not one or cannot be."""
    equations = display_equations(text)
    return " ".join(equation for equation, _ in equations) if equations else None


def display_equations(text: str) -> list[tuple[str, str]]:
    """The lines of a display block (`$$ ... $$` or `\\[ ... \\]`, an `align` of several
    lines) in plain text, each with the name its author gave it after `&&` ("Geometric
    series"): "ΔU = q - w = nΔH - pΔV". A line that goes on with "&= ..." repeats its left-hand
    side. Lines that cannot be written as text are left out; [] when the text is no display."""
    match = _DISPLAY.fullmatch(text.strip())
    body = match and (match[1] or match[2])
    if not body or len(body) > MAX_DISPLAY_MATHS:
        return []
    body = _ENVIRONMENT.sub(" ", body)
    equations: list[tuple[str, str]] = []
    left = False  # the line above was an equation a "&= ..." line can go on from
    for line in re.split(r"\\\\(?:\[[^\]]*\])?", body):
        formula, _, name = line.partition("&&")
        formula, name = _without_layout(formula), _without_layout(name)
        formula = formula.replace("&", " ").strip()
        if not formula:
            continue
        converted = latex_text(formula)
        label = (latex_text(name.strip()) or "") if name.strip() else ""
        if not converted:
            left = False
            continue
        converted = _CONDITION.sub("", " ".join(converted.split()))
        if formula.startswith("=") and left and equations:
            # "&= n\\Delta H - p\\Delta V" goes on from the line above.
            above, above_name = equations.pop()
            converted, label = f"{above} {converted}", above_name or label
        left = "=" in formula
        equations.append((converted, " ".join(label.split())))
    if len(equations) > 1 and all(equation.count("=") == 0 for equation, _ in equations):
        return [(" ".join(equation for equation, _ in equations), "")]
    return equations


# "= (1-aⁿ)/(1-a), m < n": the range a formula holds over, set after a comma, is no part of it
_CONDITION = lazy_regex(r"(?<=\S),\s*[^,=<>\u2264\u2265\u2260]+[<>\u2264\u2265\u2260][^,=]*$")
_TRAILING_MACRO = lazy_regex(r"\\([A-Za-z]+)\d*\s*$")


def _without_layout(line: str) -> str:
    """A line less the author's own macros that end it with no argument ("... \\h8"): spacing
    and layout, not maths."""
    line = line.rstrip()
    while (match := _TRAILING_MACRO.search(line)) and not known_macro(match[1]):
        line = line[: match.start()].rstrip()
    return line


def loose_maths(text: str) -> str:
    """Maths in a heading, for a context line: Unicode where it can be, else the LaTeX's text
    without its markup ("$\\Delta H_f$" -> "ΔHf")."""
    text = plain_maths(text)
    if "$" not in text:
        return text

    def loose(match: re.Match[str]) -> str:
        from pylatexenc.latex2text import LatexNodes2Text

        try:
            plain = LatexNodes2Text(math_mode="verbatim").latex_to_text(match[1])
        except Exception:  # broken LaTeX: its letters are still better than its markup
            plain = match[1]
        return re.sub(r"[\\{}_^]", "", plain)

    return INLINE_DOLLARS.sub(loose, text)


# One letter, with its subscript if any: "n", "k", "W", "N_A", "cᵣₘₛ", "F₁", "λ"
SINGLE_SYMBOL = lazy_regex(
    r"[A-Za-z\u0391-\u03c9](?:_[A-Za-z0-9]{1,3}|[0-9]|[\u2080-\u209c\u1d62-\u1d6a]{1,3})?"
)
MAX_SYMBOL_NAME_WORDS = 5
# "n = number of moles", "where k = Boltzmann constant = 1.38e-23": a symbol named
_NAMED_SYMBOL = lazy_regex(
    r"(?:^|[,;]\s*|\bwhere\s+)(?P<symbol>[^\s=,;()]{1,5})\s*=\s*"
    r"(?P<name>[A-Za-z][a-z'\u2019-]*(?:\s+[A-Za-z][a-z'\u2019-]*){0,4})\s*"
    r"(?=$|[,;=]|\([^()]*\)\s*(?:$|[,;]))"
)


def symbol_names(texts: list[str]) -> dict[str, str]:
    """What the notes call each symbol they name in words ("n = number of moles, R = molar gas
    constant"), for the formulas that use it; a symbol named two ways is left out."""
    named: dict[str, dict[str, str]] = {}
    for text in texts:
        if "=" not in text:
            continue
        for found in _NAMED_SYMBOL.finditer(text):
            name = found["name"].strip()
            if SINGLE_SYMBOL.fullmatch(found["symbol"]) and re.search(r"[a-z]{3}", name):
                named.setdefault(found["symbol"], {}).setdefault(name.casefold(), name)
    return {
        symbol: next(iter(names.values())) for symbol, names in named.items() if len(names) == 1
    }


MAX_FORMULA_NAME_WORDS = 5
# "its called the Lincoln index", "This is known as Simpson's index.": a line that names the
# formula on the line above it
_CALLED = lazy_regex(
    r"^(?:it'?s|it\s+is|this\s+is|that'?s|that\s+is|which\s+is|this|it)\s+"
    r"(?:called|known\s+as|named)\s+(?:the\s+)?(?P<name>[A-Za-z][\w'\u2019 -]{2,40}?)\s*[.!]*$",
    re.I,
)


def formula_names(texts: list[str]) -> dict[str, str]:
    """The name the line after a formula gives it ("population size = (M x C) / R" over "its
    called the Lincoln index"), by the formula's line folded: the formula's card says which
    one it is, as a formula named on its own line ("Lincoln index: ...") does."""
    named = {}
    for text, after in itertools.pairwise(texts):
        called = _CALLED.match(after.strip())
        if called and "=" in text and len(called["name"].split()) <= MAX_FORMULA_NAME_WORDS:
            named[normalise(text)] = called["name"].strip()
    return named


MAX_LEGEND_NAME_WORDS = 8
# "n = number of individuals of each species": a symbol and the quantity it stands for
_LEGEND_PART = lazy_regex(
    r"^(?:where\s+)?(?P<symbol>\S{1,4})\s*=\s*(?P<name>[A-Za-z][A-Za-z'\u2019 -]*?)\s*"
    r"(?:\([^()]{1,16}\))?\.?$"
)


def legend_entries(text: str) -> list[tuple[str, str]]:
    """ "n = number of individuals of each species, N = total number of all organisms" ->
    each symbol with what it stands for; [] unless every part of the line is one."""
    found = []
    for part in re.split(r"\s*[,;]\s*", text.strip()):
        entry = _LEGEND_PART.match(part)
        if not entry or not SINGLE_SYMBOL.fullmatch(entry["symbol"]):
            return []
        name = entry["name"].strip()
        if not re.search(r"[a-z]{3}", name) or len(name.split()) > MAX_LEGEND_NAME_WORDS:
            return []
        found.append((entry["symbol"], name))
    return found


def legend_formulas(texts: list[str]) -> dict[str, str]:
    """The formula line each legend line follows, by the legend's line folded: "n = number of
    individuals of each species, N = ..." under "Simpson's diversity index D = 1 - (Σ n(n-1) /
    N(N-1))", where each symbol the legend names is one of the formula's."""
    found = {}
    for text, after in itertools.pairwise(texts):
        entries = legend_entries(after)
        if not entries or "=" not in text or legend_entries(text):
            continue
        right = text.partition("=")[2]
        if all(
            re.search(rf"(?<![A-Za-z]){re.escape(symbol)}(?![a-z])", right) for symbol, _ in entries
        ):
            found[normalise(after)] = text.strip()
    return found
