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
MAX_DISPLAY_MATHS = 4000
MAX_NESTING = 4
MAX_SCRIPT_CHARACTERS = 3
_GROUP = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
_FRACTION = re.compile(rf"\\[dtc]?frac\s*(?:{_GROUP}|(\w))\s*(?:{_GROUP}|(\w))")
_SIZING = re.compile(r"\\(?:left|right|[bB]ig{1,2}[lr]?)(?![A-Za-z])")
_TEXT_COMMAND = r"\\(?:text|textrm|mathrm|mathit|mathbf|mathsf|operatorname)\s*"
_LATEX_SCRIPT = re.compile(rf"([_^])\s*(?:{_GROUP}|({_TEXT_COMMAND}\{{[^{{}}]*\}}|\\[A-Za-z]+|\w))")
_DISPLAY = re.compile(r"\$\$(.+)\$\$|\\\[(.+)\\\]", re.S)
_ENVIRONMENT = re.compile(
    r"\\(?:begin|end)\{(?:align|aligned|alignat|equation|gather|gathered|split|eqnarray)\*?\}"
)
_FUNCTION = re.compile(r"\\(sin|cos|tan|sec|csc|cot|log|ln|exp|lim|max|min)(?![A-Za-z])\s*")
_HELD = 0xE000  # private-use characters hold converted scripts while pylatexenc reads the rest
# Marks that are raised already: a degree sign (or the ring LaTeX writes it with), primes.
_ALREADY_RAISED = {"°": "°", "\u2218": "°", "\u2032": "\u2032", "\u2033": "\u2033", "*": "*"}


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
    return _latex_text(latex)


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
        formula = formula.replace("&", " ").strip()
        if not formula:
            continue
        converted = _latex_text(formula)
        label = (_latex_text(name.strip()) or "") if name.strip() else ""
        if not converted:
            left = False
            continue
        converted = " ".join(converted.split())
        if formula.startswith("=") and left and equations:
            # "&= n\\Delta H - p\\Delta V" goes on from the line above.
            above, above_name = equations.pop()
            converted, label = f"{above} {converted}", above_name or label
        left = "=" in formula
        equations.append((converted, " ".join(label.split())))
    if len(equations) > 1 and all(equation.count("=") == 0 for equation, _ in equations):
        return [(" ".join(equation for equation, _ in equations), "")]
    return equations


def _latex_text(latex: str) -> str | None:
    """LaTeX maths in Unicode: fractions as "a/b" (bracketed where the parts have several
    terms), scripts as sub- and superscript characters, or "_hyd" / "^(n+1)" where Unicode has
    no such characters; None where markup would be left over."""
    from pylatexenc.latex2text import LatexNodes2Text

    for _ in range(MAX_NESTING):
        latex, found = _FRACTION.subn(_fraction, latex)
        if not found:
            break
    pieces: list[str] = []

    def hold(match: re.Match[str]) -> str:
        body = match[2] if match[2] is not None else match[3]
        inner = _latex_text(body) if body.startswith("\\") or len(body) > 1 else body
        if inner is None:
            raise ValueError(body)
        pieces.append(_script(match[1], inner.strip()))
        return chr(_HELD + len(pieces) - 1)

    latex = _SIZING.sub("", latex)
    latex = _FUNCTION.sub(_function, latex)  # "\cos x" reads "cos x", not "cosx"
    if any(not _known_macro(name) for name in re.findall(r"\\([A-Za-z]+)", latex)):
        return None  # a macro of the author's own ("\\h8"): its text cannot be known
    try:
        latex = _LATEX_SCRIPT.sub(hold, latex)
        text = LatexNodes2Text(math_mode="verbatim").latex_to_text(latex)
    except Exception:  # pylatexenc raises its own errors on broken LaTeX
        return None
    if re.search(r"[\\{}_^$]", text):
        return None
    for index, piece in enumerate(pieces):
        text = text.replace(chr(_HELD + index), piece)
    return text.strip()


def _function(match: re.Match[str]) -> str:
    after = match.string[match.end() : match.end() + 1]
    return f"{match[1]} " if after.isalnum() or after == "\\" else match[1]


@lru_cache(maxsize=1024)
def _known_macro(name: str) -> bool:
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
