"""Maths in notes as plain text: `$\\Delta H$` -> "ΔH", `H<sub>2</sub>O` -> "H₂O".

pylatexenc turns LaTeX into Unicode; sub- and superscripts become Unicode sub- and superscript
characters where Unicode has them. Maths that cannot be written as plain text (display blocks,
fractions of fractions, a subscript letter Unicode lacks) keeps a `$` so the card builder can
leave that sentence alone rather than show LaTeX residue.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_INLINE_MATHS = 80
# Pandoc's rule: "$" opens maths before a non-space and closes it after one, not before a digit,
# so "$5 and $10" stays money.
_INLINE = re.compile(
    rf"(?<![\\$])\$(?![\s$])([^$\n]{{1,{MAX_INLINE_MATHS}}}?)(?<![\s\\])\$(?![$\d])"
)
_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUPER = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_PANDOC_SCRIPT = re.compile(r"(?<=\w)([~^])([^\s~^]{1,8})\1")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\w))")
UNCONVERTED = "$"


def plain_maths(text: str) -> str:
    """The text with each short inline `$...$`, and Pandoc's `H~2~O` and `cm^3^`, written in
    Unicode where it can be."""
    if "~" in text or "^" in text:
        text = _PANDOC_SCRIPT.sub(_pandoc_script, text)
    if "$" not in text:
        return text
    return _INLINE.sub(lambda match: _inline(match[1]) or match[0], text)


def _pandoc_script(match: re.Match[str]) -> str:
    script = sub_text if match[1] == "~" else super_text
    return script(match[2]) or match[2]


@lru_cache(maxsize=4096)
def _inline(latex: str) -> str | None:
    if "\\begin" in latex:
        return None
    from pylatexenc.latex2text import LatexNodes2Text

    try:
        text = LatexNodes2Text(math_mode="verbatim").latex_to_text(latex)
    except Exception:  # pylatexenc raises its own errors on broken LaTeX
        return None
    text = scripts(text.strip())
    if text is None or re.search(r"[\\{}_^]", text):
        return None
    return text


def scripts(text: str) -> str | None:
    """ "H_2O" -> "H₂O", "x^{2}" -> "x²"; None when a script has no Unicode form."""

    def convert(match: re.Match[str]) -> str:
        body = match[2] if match[2] is not None else match[3]
        table = _SUB if match[1] == "_" else _SUPER
        converted = body.translate(table)
        if any(char == original for char, original in zip(converted, body, strict=True)):
            raise ValueError(body)
        return converted

    try:
        return _SCRIPT.sub(convert, text)
    except ValueError:
        return None


def sub_text(text: str) -> str | None:
    """HTML <sub> content in Unicode subscripts, or None."""
    return scripts(f"_{{{text}}}")


def super_text(text: str) -> str | None:
    return scripts(f"^{{{text}}}")


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

    return _INLINE.sub(loose, text)
