"""Anki's HTML fields read as plain text, and plain text written back as HTML."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from revise.formats.htmltext import html_to_text, looks_like_html, text_to_html


def test_blocks_lists_tables_and_entities_become_readable_lines():
    assert html_to_text("<div>one</div><div>two&nbsp;three</div>") == ("one\ntwo three", ())
    assert html_to_text("Intro:<br><ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>end") == (
        "Intro:\n1. a\n  - b\n2. c\nend",
        (),
    )
    assert html_to_text("<table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>2</td></tr>")[0] == (
        "x | y\n1 | 2"
    )
    assert html_to_text("<pre>  keep\n    indent</pre>")[0] == "  keep\n    indent"
    assert html_to_text("J&#x27;ai &lt;b&gt; <style>p{}</style><script>x()</script>")[0] == (
        "J'ai <b>"
    )


def test_media_become_mentions_and_are_listed():
    text, media = html_to_text(
        'Dog <img src="dog.jpg"> barks [sound:woof.mp3] <img src="https://example.org/x.png">'
    )
    assert text == (
        "Dog (image: dog.jpg) barks (sound: woof.mp3) (image: https://example.org/x.png)"
    )
    assert media == ("dog.jpg", "woof.mp3")


def test_html_is_told_from_plain_text():
    assert looks_like_html("a <b>bold</b> word")
    assert looks_like_html("fish &amp; chips")
    assert not looks_like_html("1 < 2 and 3 > 2")


_lines = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00\x01\x02\xa0"
    ),
    max_size=30,
).map(lambda s: s.strip().replace("[sound:", "[sound "))


@given(st.lists(_lines, max_size=4))
def test_plain_text_survives_html_and_back(lines):
    # (A no-break space reads as a plain space and [sound:x] as audio, so both are left out.)
    text = "\n".join(line for line in lines if line)
    assert html_to_text(text_to_html(text))[0] == text
