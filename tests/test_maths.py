"""LaTeX maths in cards shown as Unicode text where it can be, raw where it cannot."""

# ruff: noqa: RUF001 (Greek letters and maths symbols are what these tests expect)

from __future__ import annotations

import pytest

from revise.maths import card_maths, inline_latex_text, latex_text


@pytest.mark.parametrize(
    ("card", "shown"),
    [
        (r"\(T = \frac{0.693}{\lambda}\)", "T = 0.693/λ"),
        (r"Half-life: \(T = \frac{\ln 2}{\lambda}\) s", "Half-life: T = (ln 2)/λ s"),
        (r"\(t_{1/2}\)", "t_(1/2)"),  # no subscript slash: marked as a subscript, not t₁/2
        (r"\(\frac{a+b}{c}\)", "(a+b)/c"),
        (r"\(x_{10}\) and \(x^{2n}\)", "x₁₀ and x²ⁿ"),
        (r"\(\sum_{i=1}^{n} i\)", "∑ᵢ₌₁ⁿ i"),
        (r"\[\int_0^1 x\,dx\]", "∫₀¹ x dx"),
        (r"$\alpha$ decay and $$E=mc^2$$", "α decay and E=mc²"),
        (r"\(\alpha + \beta\)", "α + β"),
        (r"\(\Delta H^\circ\)", "Δ H°"),  # the spaces as written
        (r"\(\sqrt{x^2+y^2}\) in \(\mathbb{R}\)", "√(x²+y²) in ℝ"),
        ("costs $5 and $10", "costs $5 and $10"),  # money, not maths
        (r"\(\begin{pmatrix}1 & 0\end{pmatrix}\)", r"\(\begin{pmatrix}1 & 0\end{pmatrix}\)"),
        (r"\(x_{\beta}\)", "x_β"),  # no subscript beta in Unicode
        (r"\(\myop{x}\) stays", r"\(\myop{x}\) stays"),  # the author's own macro
        ("[red]not maths[/]", "[red]not maths[/]"),
    ],
)
def test_card_maths(card, shown):
    assert card_maths(card) == shown


def test_a_cloze_gap_inside_maths_shows_the_gap():
    assert card_maths(r"\(E = [...]c^2\)") == "E = [...]c²"


def test_what_cannot_be_text_is_none():
    assert inline_latex_text(r"\begin{align}x\end{align}") is None
    assert latex_text(r"\myop{x}") is None
