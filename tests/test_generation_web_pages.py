"""A page saved from a revision site or an encyclopedia: a box of facts about the page's subject
beside the lead, a contents box, edit links, reference lists and text the page never shows."""

from __future__ import annotations

from pathlib import Path

from revise.generation import generate_deck

FACT_FILE = """<html><head><title>Iceland | GeoRevise</title></head><body>
<main><article><h1>Iceland</h1>
<table class="factfile"><caption>Iceland</caption>
<tr><th>Capital</th><td>Reykjavik</td></tr>
<tr><th>Population</th><td>about 390,000 (2023)</td></tr>
<tr><th>Main exports</th><td>fish<br>aluminium<br>ferrosilicon<br>fish oil<br>horses</td></tr>
<tr><th>Plate boundary</th><td>Mid-Atlantic Ridge (constructive)</td></tr>
</table>
<div class="jump-box"><h2>On this page</h2><ol>
<li><a href="#tectonics">Tectonics and volcanoes</a></li>
<li><a href="#hekla">Hekla: the volcano of the 1970s and 1980s</a></li>
<li><a href="#energy">Geothermal energy</a></li></ol></div>
<h2 id="tectonics">Tectonics and volcanoes</h2>
<p>Iceland sits on the Mid-Atlantic Ridge, where the North American and Eurasian plates move
apart by about 2 cm a year.<sup>[1]</sup></p>
<h2 id="hekla">Hekla: the volcano of the 1970s and 1980s</h2>
<p>Hekla erupted in 1970, 1980 and 1991, each time with little warning.</p>
<h2 id="energy">Geothermal energy</h2>
<p>About 90% of Icelandic homes are heated by geothermal energy.<sup>[2]</sup></p>
</article></main></body></html>
"""

ENCYCLOPEDIA = """<html><head><title>Rosalind Franklin - Wikipedia</title></head><body>
<main id="content"><h1 id="firstHeading">Rosalind Franklin</h1>
<table class="infobox biography vcard"><tbody>
<tr><th colspan="2" class="infobox-above">Rosalind Franklin</th></tr>
<tr><td colspan="2" class="infobox-image"><img src="franklin.jpg"></td></tr>
<tr><th scope="row">Born</th><td>25 July 1920<span style="display:none"> (1920-07-25)</span><br>
Notting Hill, London</td></tr>
<tr><th scope="row">Alma mater</th><td>Newnham College, Cambridge</td></tr>
<tr><th colspan="2" class="infobox-header">Scientific career</th></tr>
<tr><th scope="row">Fields</th><td>X-ray crystallography</td></tr>
</tbody></table>
<h2><span class="mw-headline" id="Career">Career</span><span class="mw-editsection">[<a
href="/w/index.php?title=Rosalind_Franklin&amp;action=edit&amp;section=1">edit</a>]</span></h2>
<p>In 1952 Franklin and her student Raymond Gosling took <b>Photo 51</b>, an X-ray diffraction
image of DNA that showed its helical structure.<sup class="reference"><a
href="#cite-1">[1]</a></sup></p>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite-1">Maddox, Brenda (2002). <i>Rosalind Franklin: The Dark Lady of DNA</i>.
HarperCollins.</li>
<li id="cite-2">Glynn, Jenifer (2012). <i>My Sister Rosalind Franklin</i>. Oxford University
Press.</li>
</ol></div>
</main></body></html>
"""


def deck(tmp_path: Path, page: str, name: str) -> list[tuple[str, str, str]]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return [(note.context, note.front, note.back) for note in generate_deck(path).notes]


def test_a_fact_box_asks_each_short_value_of_the_pages_subject(tmp_path: Path) -> None:
    cards = deck(tmp_path, FACT_FILE, "iceland.html")
    asked = {front: back for _, front, back in cards}
    assert asked["Iceland: what is the capital?"] == "Reykjavik"
    assert asked["Iceland: what is the plate boundary?"] == "Mid-Atlantic Ridge (constructive)"
    # the first row is no header over the others, and a list of five exports is no answer
    shown = " ".join(f"{front} {back}" for _, front, back in cards)
    assert "Reykjavik of" not in shown and "reykjavik of" not in shown
    assert "ferrosilicon" not in shown


def test_a_contents_box_gives_no_card_and_no_heading(tmp_path: Path) -> None:
    cards = deck(tmp_path, FACT_FILE, "iceland.html")
    fronts = [front for _, front, _ in cards]
    assert any("Mid-Atlantic Ridge" in front for front in fronts)
    assert not [front for front in fronts if "Tectonics and volcanoes" in front]
    assert not [front for front in fronts if "volcano of the" in front]
    assert not [context for context, _, _ in cards if "On this page" in context]


def test_an_encyclopedia_infobox_is_asked_of_its_title_row(tmp_path: Path) -> None:
    cards = deck(tmp_path, ENCYCLOPEDIA, "franklin.html")
    asked = {front: back for _, front, back in cards}
    # a date the page hides (kept for search engines) is no part of the answer
    assert asked["Rosalind Franklin: born?"] == "25 July 1920; Notting Hill, London"
    assert asked["Rosalind Franklin: what are the fields?"] == "X-ray crystallography"
    assert not [front for front in asked if "Scientific career" in front]


def test_edit_links_and_reference_lists_give_nothing(tmp_path: Path) -> None:
    cards = deck(tmp_path, ENCYCLOPEDIA, "franklin.html")
    assert any("Photo 51" in front or "Photo 51" in back for _, front, back in cards)
    shown = " ".join(" ".join(card) for card in cards)
    assert "edit" not in shown
    assert "Maddox" not in shown and "HarperCollins" not in shown and "Glynn" not in shown


def test_rows_of_a_term_beside_its_meaning_are_terms(tmp_path: Path) -> None:
    # under no title, or under a title that names many things: no one thing's facts
    for title in ("", "<caption>Key terms</caption>"):
        page = (
            f"<html><body><h1>Cells</h1><h2>Moving substances</h2><table>{title}\n"
            "<tr><th>Osmosis</th><td>diffusion of water across a partially permeable membrane"
            "</td></tr>\n"
            "<tr><th>Active transport</th><td>movement against a concentration gradient, using"
            " energy from respiration</td></tr>\n"
            "</table></body></html>\n"
        )
        asked = {front: back for _, front, back in deck(tmp_path, page, "cells.html")}
        meaning = "Diffusion of water across a partially permeable membrane"
        assert asked["What is osmosis?"] == meaning, title
        assert not [front for front in asked if "diffusion of water" in front.casefold()]
        assert not [front for front in asked if "Key terms" in front]


def test_a_heading_that_names_a_turn_is_the_context_of_its_section(tmp_path: Path) -> None:
    # "the road to a united ...": a word in -ed after "a" or "to" is no verb making the
    # heading a fact of its own; the heading stays over the facts below it
    page = (
        "<html><body><h1>Unification of Germany</h1>\n"
        "<h2>Bismarck and the road to a united Germany</h2>\n"
        "<p>Bismarck became Minister-President of Prussia in 1862.</p>\n"
        "<p>Prussia defeated Austria at the Battle of Koniggratz in 1866.</p>\n"
        "</body></html>\n"
    )
    cards = deck(tmp_path, page, "germany.html")
    assert not [front for _, front, _ in cards if "road to" in front]
    when = [context for context, front, _ in cards if "Minister-President" in front]
    assert when and "Bismarck and the road to a united Germany" in when[0]


def test_an_encyclopedias_formula_reads_as_its_maths(tmp_path: Path) -> None:
    # a wiki writes a formula twice: MathML it hides, and a picture with its LaTeX as alt text
    formula = (
        '<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display:'
        ' none;"><math><semantics><mrow><mi>p</mi><mo>=</mo><mi>m</mi><mi>v</mi></mrow>'
        '<annotation encoding="application/x-tex">{\\displaystyle p=mv}</annotation>'
        '</semantics></math></span><img src="p.svg" class="mwe-math-fallback-image-inline"'
        ' aria-hidden="true" alt="{\\displaystyle p=mv}"></span>'
    )
    page = (
        "<html><body><h1>Momentum</h1><h2>Definition</h2>\n"
        f"<p>Newton defined momentum as {formula} in 1687.</p>\n"
        "</body></html>\n"
    )
    cards = deck(tmp_path, page, "momentum.html")
    shown = " ".join(f"{front} {back}" for _, front, back in cards)
    assert "p=mv" in shown
    assert "displaystyle" not in shown and "pmv" not in shown.replace(" ", "")


def test_a_key_facts_list_asks_its_fields_of_the_pages_subject(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Mount Etna | GeoRevise</title></head><body><main><article>\n"
        "<h1>Mount Etna</h1>\n"
        '<div class="fact-list"><h3>Key facts</h3><ul>\n'
        "<li><strong>Height:</strong> about 3,300 m</li>\n"
        "<li><strong>Type:</strong> composite volcano</li>\n"
        "<li><strong>Last major eruption:</strong> 2021</li></ul></div>\n"
        "<h2>Living with the volcano</h2>\n"
        "<p>About a quarter of Sicily's people live on the slopes of Etna, where the volcanic"
        " soil is fertile enough for vineyards and citrus orchards.</p>\n"
        "</article></main></body></html>\n"
    )
    asked = {front: back for _, front, back in deck(tmp_path, page, "etna.html")}
    assert asked["What is the height of Mount Etna?"] == "About 3,300 m"
    assert asked["What is the type of Mount Etna?"] == "Composite volcano"


GOOGLE_DOCS_PAGE = """<html><head><style>.c1{font-weight:400}</style></head><body>
<h1>Consolidation of power</h1>
<ul class="c2 lst-kix_7gq2m1x0k3ab-0 start">
<li class="c6"><span class="c1">Reichstag Fire 27 Feb 1933 &ndash; Dutch communist Marinus van
der Lubbe arrested at the scene</span></li>
</ul>
<ul class="c2 lst-kix_7gq2m1x0k3ab-1 start">
<li class="c10"><span class="c1">Hitler used it to claim a communist plot &rarr; about 4,000
communists arrested</span></li>
</ul>
<ul class="c2 lst-kix_7gq2m1x0k3ab-0">
<li class="c6"><span class="c1">Election 5 March 1933 &ndash; Nazis got 43.9% of the
vote</span></li>
</ul>
</body></html>
"""


def test_a_google_docs_sub_bullet_is_carded_under_its_parent(tmp_path: Path) -> None:
    cards = deck(tmp_path, GOOGLE_DOCS_PAGE, "notes.html")
    plot = next(card for card in cards if "communist plot" in card[1])
    assert plot[0].endswith("Reichstag Fire 27 Feb 1933")
    election = next(card for card in cards if "Election" in card[1])
    assert "Reichstag" not in election[0]
