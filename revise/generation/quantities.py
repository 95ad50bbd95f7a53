"""A formula with the legend written under it: "v = f λ" over "v = wave speed (m/s), f =
frequency (Hz), λ = wavelength (m)".

The legend names each symbol's quantity and unit, so the formula is asked as the equation that
links those quantities ("Which equation links wave speed, frequency and wavelength?"), and each
unit as what the quantity is measured in ("What is the unit of frequency?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revise.generation.grammar import finish_question
from revise.generation.patterns import lazy_regex
from revise.generation.questions import Question, Shape

MAX_QUANTITY_WORDS = 4
MAX_SYMBOL_CHARS = 3
_ENTRY = lazy_regex(
    rf"^(?P<symbol>[A-Za-z\u0391-\u03c9][\w\u0391-\u03c9]{{0,{MAX_SYMBOL_CHARS - 1}}})\s*=\s*"
    r"(?P<name>[A-Za-z][A-Za-z' -]*?)\s*(?:\((?P<unit>[^()]{1,12})\))?$"
)
_SIDES = lazy_regex(r"^(?P<lhs>[^=]+?)\s*=\s*(?P<rhs>[^=]+)$")
_TOKEN = lazy_regex(r"[A-Za-z\u0391-\u03c9][\w\u0391-\u03c9]*|\d+(?:\.\d+)?|\S")


@dataclass(frozen=True)
class Quantity:
    symbol: str
    name: str
    unit: str


def legend(text: str) -> list[Quantity]:
    """ "v = wave speed (m/s), f = frequency (Hz)" -> each symbol with its quantity and unit;
    [] unless every part of the line is one."""
    found = []
    for part in re.split(r"\s*[,;]\s*", text.strip().rstrip(".")):
        entry = _ENTRY.match(part)
        if not entry or len(entry["name"].split()) > MAX_QUANTITY_WORDS:
            return []
        found.append(
            Quantity(entry["symbol"], entry["name"].strip(), (entry["unit"] or "").strip())
        )
    return found


_TIMES = frozenset(["x", "\u00d7", "*", "\u00b7"])


def in_symbols(equation: str, quantities: list[Quantity]) -> str:
    """ "wave speed = frequency x wavelength" -> "v = f x λ" by the legend; an equation already
    in symbols as it is."""
    written = equation.strip()
    for quantity in sorted(quantities, key=lambda quantity: -len(quantity.name)):
        written = re.sub(rf"\b{re.escape(quantity.name)}\b", quantity.symbol, written, flags=re.I)
    return written


def in_words(equation: str, quantities: list[Quantity]) -> str:
    """ "v = f λ" -> the same in words, each symbol's quantity for it and a times sign where
    symbols stand side by side; "" where a symbol of the formula is not in its legend."""
    sides = _SIDES.match(equation.strip())
    if not sides:
        return ""
    names = {quantity.symbol: quantity.name for quantity in quantities}
    said = []
    for side in (sides["lhs"], sides["rhs"]):
        tokens = _TOKEN.findall(side)
        out: list[str] = []
        for token in tokens:
            if token in _TIMES and token not in names:
                out.append("\u00d7")
            elif token in names:
                if out and (out[-1] in names.values() or out[-1][:1].isdigit()):
                    out.append("\u00d7")  # "f λ": symbols side by side multiply
                out.append(names[token])
            elif token[:1].isalpha():
                return ""  # a symbol the legend does not name
            else:
                out.append(token)
        said.append(" ".join(out))
    return " = ".join(said)


def formula_questions(equation: str, quantities: list[Quantity]) -> list[Question]:
    """The formula as the equation that links its quantities, then each quantity's unit."""
    symbolic = in_symbols(equation, quantities)  # (the answer is the formula as written)
    if not in_words(symbolic, quantities):
        return []  # a symbol the legend leaves unnamed: the card could not say what it links
    symbols = _TOKEN.findall(symbolic)
    named = {quantity.symbol: quantity for quantity in quantities}
    linked = list(dict.fromkeys(named[symbol].name for symbol in symbols if symbol in named))
    if len(linked) < 2:
        return []
    listed = f"{', '.join(linked[:-1])} and {linked[-1]}"
    found = [Question(f"Which equation links {listed}?", equation.strip(), Shape.FORMULA, 12.0)]
    for quantity in quantities:
        if quantity.unit and quantity.symbol in symbols:
            front = finish_question(f"What is the unit of {quantity.name}")
            found.append(Question(front, quantity.unit, Shape.FORMULA, 10.0, beside=True))
    return found
