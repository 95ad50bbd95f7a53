"""LaTeX maths as Unicode text: one conversion for the generator and the cards the app shows.

pylatexenc turns LaTeX into Unicode (`\\lambda` -> λ); fractions become "a/b", bracketed where a
part has several terms; sub- and superscripts become Unicode sub- and superscript characters
where Unicode has them. Maths that cannot be written as plain text gives None, so the caller
keeps it as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_INLINE_MATHS = 120  # "$\\text{Break-even output} = \\frac{...}{...}$" runs long


def _inline_dollars(group: str) -> str:
    # Pandoc's rule: "$" opens maths before a non-space and closes it after one, not before a
    # digit, so "$5 and $10" stays money.
    return rf"(?<![\\$])\$(?![\s$])({group}[^$\n]{{1,{MAX_INLINE_MATHS}}}?)(?<![\s\\])\$(?![$\d])"


INLINE_DOLLARS = re.compile(_inline_dollars(""))
# The patterns below are compiled (by `re`, which keeps them) when first used, that is when a
# card has maths: compiling them all as the module loads was 0.5 ms of the app's start.
_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUPER = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_SCRIPT = r"([_^])(?:\{([^{}]*)\}|(\w))"
MAX_NESTING = 4
MAX_SCRIPT_CHARACTERS = 3
_GROUP = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
_FRACTION = rf"\\[dtc]?frac\s*(?:{_GROUP}|(\w))\s*(?:{_GROUP}|(\w))"
_SIZING = r"\\(?:left|right|[bB]ig{1,2}[lr]?)(?![A-Za-z])"
_TEXT_COMMAND = r"\\(?:text|textrm|mathrm|mathit|mathbf|mathsf|operatorname)\s*"
_LATEX_SCRIPT = rf"([_^])\s*(?:{_GROUP}|({_TEXT_COMMAND}\{{[^{{}}]*\}}|\\[A-Za-z]+|\w))"
# Functions written upright before what they act on: "\\sin x" reads "sin x"
MATHS_FUNCTIONS = frozenset(
    ["sin", "cos", "tan", "sec", "csc", "cot", "log", "ln", "exp", "lim", "max", "min"]
)
_FUNCTION = rf"\\({'|'.join(sorted(MATHS_FUNCTIONS))})(?![A-Za-z])\s*"
_HELD = 0xE000  # private-use characters hold converted scripts while pylatexenc reads the rest
# Marks that are raised already: a degree sign (or the ring LaTeX writes it with), primes.
_ALREADY_RAISED = {"°": "°", "\u2218": "°", "\u2032": "\u2032", "\u2033": "\u2033", "*": "*"}


@lru_cache(maxsize=4096)
def inline_latex_text(latex: str, *, spaces_as_written: bool = False) -> str | None:
    """Inline maths as Unicode text (see `latex_text`); None for an environment (`\\begin`)."""
    if "\\begin" in latex:
        return None
    return latex_text(latex, spaces_as_written=spaces_as_written)


def latex_text(latex: str, *, spaces_as_written: bool = False) -> str | None:
    """LaTeX maths in Unicode: fractions as "a/b" (bracketed where the parts have several
    terms), scripts as sub- and superscript characters, or "_hyd" / "^(n+1)" where Unicode has
    no such characters; None where markup would be left over.

    pylatexenc drops the space after a macro (`\\Delta H` is ΔH); `spaces_as_written` keeps the
    spaces of the source instead (`\\ln 2` is "ln 2", not "ln2")."""
    from pylatexenc.latex2text import LatexNodes2Text

    for _ in range(MAX_NESTING):
        latex, found = re.subn(_FRACTION, _fraction, latex)
        if not found:
            break
    pieces: list[str] = []

    def hold(match: re.Match[str]) -> str:
        body = match[2] if match[2] is not None else match[3]
        inner = (
            latex_text(body, spaces_as_written=spaces_as_written)
            if body.startswith("\\") or len(body) > 1
            else body
        )
        if inner is None:
            raise ValueError(body)
        pieces.append(_script(match[1], inner.strip()))
        return chr(_HELD + len(pieces) - 1)

    latex = re.sub(_SIZING, "", latex)
    latex = re.sub(_FUNCTION, _function, latex)  # "\cos x" reads "cos x", not "cosx"
    if any(not known_macro(name) for name in re.findall(r"\\([A-Za-z]+)", latex)):
        return None  # a macro of the author's own ("\\h8"): its text cannot be known
    try:
        latex = re.sub(_LATEX_SCRIPT, hold, latex)
        spaces = "based-on-source" if spaces_as_written else False
        text = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=spaces).latex_to_text(
            latex
        )
    except Exception:  # pylatexenc raises its own errors on broken LaTeX
        return None
    if re.search(r"[\\{}_^$]", text):
        return None
    for index, piece in enumerate(pieces):
        text = text.replace(chr(_HELD + index), piece)
    # pylatexenc drops the space after a macro, so "\\theta + 1" reads "θ+ 1": a sign spaced
    # on one side is spaced on both
    text = re.sub(
        r"(?<=[^\s(\[{])([-+=<>\u2261\u2264\u2265\u2212\u00d7\u00f7]) (?=\S)", r" \1 ", text
    )
    return text.strip()


def _function(match: re.Match[str]) -> str:
    """ "\\cos A" reads "cos A", and "2bc\\cos A" "2bc cos A": a function apart from what it
    acts on and from a product before it."""
    after = match.string[match.end() : match.end() + 1]
    before = match.string[match.start() - 1 : match.start()] if match.start() else ""
    lead = " " if before.isalnum() else ""
    return f"{lead}{match[1]} " if after.isalnum() or after == "\\" else f"{lead}{match[1]}"


@lru_cache(maxsize=1024)
def known_macro(name: str) -> bool:
    from pylatexenc.latex2text import get_default_latex_context_db

    return get_default_latex_context_db().get_macro_spec(name) is not None


def _fraction(match: re.Match[str]) -> str:
    top = match[1] if match[1] is not None else match[2]
    bottom = match[3] if match[3] is not None else match[4]
    fraction = f"{_bracketed(top)}/{_bracketed(bottom)}"
    after = match.string[match.end() : match.end() + 1]
    return f"({fraction})" if after and (after.isalnum() or after in "(\\") else fraction


def _bracketed(part: str) -> str:
    part = part.strip()
    return f"({part})" if re.search(r"[\s+\-]", part) else part


def _script(kind: str, body: str) -> str:
    """A sub- or superscript in Unicode characters, or marked with "_" / "^" in plain text."""
    if kind == "^" and body in _ALREADY_RAISED:
        return _ALREADY_RAISED[body]
    table = _SUB if kind == "_" else _SUPER
    converted = body.translate(table)
    fits = len(body) <= MAX_SCRIPT_CHARACTERS or not body.isalpha()  # "ₛₒₗᵤₜᵢₒₙ" reads badly
    if fits and all(char != original for char, original in zip(converted, body, strict=True)):
        return converted
    return f"{kind}{body}" if len(body) == 1 or re.fullmatch(r"\w+", body) else f"{kind}({body})"


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
        return re.sub(_SCRIPT, convert, text)
    except ValueError:
        return None


def sub_text(text: str) -> str | None:
    """HTML <sub> content in Unicode subscripts, or None."""
    return scripts(f"_{{{text}}}")


def super_text(text: str) -> str | None:
    return scripts(f"^{{{text}}}")


# -- maths in card text ------------------------------------------------------------------------

# Anki's MathJax delimiters, \(...\) inline and \[...\] display, then $$...$$ and Pandoc's $...$.
_CARD_MATHS = (
    r"(?s)\\\((?P<inline>.+?)\\\)|\\\[(?P<display>.+?)\\\]|\$\$(?P<dollars>[^$]+?)\$\$|"
    + _inline_dollars("?P<dollar>")
)


def card_maths(text: str) -> str:
    """Card text with each piece of maths written as Unicode text where it can be; maths that
    cannot be is left exactly as written, delimiters and all."""
    if "\\(" not in text and "\\[" not in text and "$" not in text:
        return text

    def shown(match: re.Match[str]) -> str:
        latex = next(group for group in match.groups() if group is not None)
        converted = inline_latex_text(latex.strip(), spaces_as_written=True)
        return match[0] if converted is None or not converted else converted

    return re.sub(_CARD_MATHS, shown, text)
