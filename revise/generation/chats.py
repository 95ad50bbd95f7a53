"""A group chat exported or copied as notes: its messages, without what the chat app wrote.

A study group's chat (WhatsApp's export, `[12/05/2026, 20:08] Priya: wind speed - anemometer`
or `12/05/2026, 20:08 - Priya: ...`; a copy out of Discord or Slack, `[20:08] Priya: ...`, or
`Priya — Today at 20:08` over the messages) opens nearly every line on a time and a speaker.
Where most of its messages open so, each message is read as a point of its own, without the
time and the speaker, on the line it was written on. What the app writes itself (`Messages and
calls are end-to-end encrypted`, `<Media omitted>`, `Josh joined`), messages of emoji alone
and the chatter around the facts (greetings, thanks, `lol`, `brb`, questions to the group, what
a speaker says of themselves) are left out, line for line, so every card still names the line
it came from.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from revise.generation.patterns import lazy_regex

# "20:08", "8:08:15 PM", "8:08 p.m." (iOS puts a narrow no-break space before the PM)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?"
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
_MARKS = "\u200e\u200f\ufeff"  # the direction marks WhatsApp puts before a line it writes
# "[12/05/2026, 20:08] Priya: ...", "[20:08] Priya: ..." (the speaker may be missing: the app)
_BRACKETED = lazy_regex(
    rf"^[{_MARKS}]?\[(?:{_DATE},?\s+)?{_TIME}\]\s*(?:(?P<who>[^:\n]{{1,40}}?):(?:\s|$))?(?P<text>.*)$"
)
# "12/05/2026, 20:08 - Priya: ...", "12/05/2026, 20:00 - Josh joined using this group's invite link"
_DASHED = lazy_regex(
    rf"^[{_MARKS}]?{_DATE},?\s+{_TIME}\s+[-\u2013]\s+(?:(?P<who>[^:\n]{{1,40}}?):(?:\s|$))?(?P<text>.*)$"
)
# "Priya — Today at 20:08", "Priya - 12/05/2026 20:08" (Discord), "Priya  8:08 PM" (Slack): a
# speaker of a word or a few over the messages below, the time always with its colon (a value
# such as "pH of blood 7.40" ends a line of notes) and a bare time with its AM or PM
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_SPEAKER_LINE = lazy_regex(
    rf"^[{_MARKS}]?(?P<who>[^\s:]\S*(?:\s\S+){{0,3}}?)\s*(?:[-\u2013\u2014]\s*)?"
    rf"(?:(?:Today|Yesterday)\s+at\s+{_TIME}|{_DATE},?\s+{_CLOCK}(?:[\s\u202f]?[AaPp][Mm])?"
    rf"|{_CLOCK}[\s\u202f]?[AaPp][Mm])\s*$"
)
MAX_SPEAKER_WORDS = 5  # "Priya", "Mr Adeyemi", "+44 7700 900123"
MIN_MESSAGES = 3
# a chat: at least a third of the lines with text open a message (a message may run over
# several lines, and a copied Discord message has its speaker on a line of its own)
MIN_MESSAGE_SHARE = 1 / 3

# What the chat app writes in a speaker's name (iOS writes its notices as the group's messages)
_SYSTEM = lazy_regex(
    r"end-to-end encrypted|<media omitted>|^\s*<?\s*(?:image|video|audio|sticker|gif|document)"
    r" omitted\s*>?\s*$|^\s*<attached:|this message was deleted|you deleted this message"
    r"|^\s*null\s*$|missed (?:voice|video) call|joined using this group",
    re.I,
)
# ... and with no speaker: a notice of who joined, left, was added or changed the group
_NOTICE = lazy_regex(
    r"\b(?:joined|left|added|removed|created group|changed (?:the|this|their|his|her)\b"
    r"|security code|disappearing messages)",
    re.I,
)
_EDITED = lazy_regex(r"\s*<this message was edited>\s*$", re.I)
_A_DIGIT = lazy_regex(r"\d")
_LETTER_OR_DIGIT = lazy_regex(r"[^\W_]")
# an emoji, with the joiners and variation selectors that build one out of several
_EMOJI = lazy_regex(r"[\U0001f000-\U0001faff\u200d\ufe0f]+")
# The words of chatter round the facts: greetings, thanks, agreeing, leaving and coming back
_CHATTER_WORDS = frozenset(
    (
        "ok",
        "okay",
        "okk",
        "k",
        "kk",
        "ah",
        "ahh",
        "ahhh",
        "oh",
        "ohh",
        "ooh",
        "lol",
        "lmao",
        "lmfao",
        "omg",
        "haha",
        "hahaha",
        "hehe",
        "thanks",
        "thank",
        "thx",
        "ty",
        "tysm",
        "u",
        "ur",
        "hi",
        "hey",
        "hiya",
        "hello",
        "bye",
        "night",
        "gn",
        "goodnight",
        "brb",
        "yeah",
        "yep",
        "ye",
        "yup",
        "nope",
        "nah",
        "cool",
        "pls",
        "plz",
        "sorry",
        "gotcha",
        "idk",
        "dunno",
    )
)
# words that are chatter only as the whole of a message ("me", "here", "no.", "back.")
_ANSWER_WORDS = frozenset(["yes", "no", "me", "here", "back", "wait", "sure", "same", "true"])
MAX_CHATTER_WORDS = 5
# A question to the group: it asks, or asks someone to explain
_QUESTION_START = lazy_regex(
    r"^(?:what|how|why|who|where|when|which|is|are|was|were|do|does|did|can|could|would|should"
    r"|will|has|have|anyone|someone|any1)\b",
    re.I,
)
_REQUEST = lazy_regex(
    r"\b(?:can|could|would)\s+(?:some\s*one|any\s*one|u|you|ya)\b|\bdoes\s+any\s*one\b|\bur\b", re.I
)
# what a speaker says of themselves ("i only remember pitfall traps", "im making flashcards")
_FIRST_PERSON = lazy_regex(r"\b(?:i|im|i'm|i\u2019m|ive|i've|i\u2019ve|i'll|ill|i'd)\b", re.I)
# where a message states a fact of its own: "term = meaning", "term - meaning", "label: ..."
_STATES = lazy_regex(r"=|\s[-\u2013\u2014]\s|:\s|\d")
_SENTENCE_END = lazy_regex(r"(?<=[.!?])\s+")
_WORD = lazy_regex(r"[\w']+")
_LIST_MARK = lazy_regex(r"^(?:[-\u2022*]\s|\(?\d{1,2}[.)]\s)")


def chat_messages(lines: list[str]) -> list[str] | None:
    """The lines of a chat export with each message's time and speaker left out and its chatter
    blank; None where the lines are not a chat."""
    written = sum(1 for line in lines if line.strip())
    timed = sum(1 for line in lines if _A_DIGIT.search(line))  # (each message opens on its time)
    if timed < MIN_MESSAGES or timed < written * MIN_MESSAGE_SHARE:
        return None
    opens = [_message_opening(line) for line in lines]
    # (a line opening on a time with no speaker, "28/06/1914, 10:45 - a bomb is thrown", is an
    # app's notice in a chat, and a timeline's fact elsewhere)
    spoken = sum(1 for opening in opens if opening is not None and opening.speaker)
    if spoken < MIN_MESSAGES or spoken < written * MIN_MESSAGE_SHARE:
        return None
    kept: list[str] = []
    for line, opening in zip(lines, opens, strict=True):
        if opening is None:  # a message that runs on, or a copied message under its speaker
            kept.append(_as_point(line))
        elif opening is _SPEAKER or (_NOTICE.search(opening.text) and not opening.speaker):
            kept.append("")
        else:
            kept.append(_as_point(opening.text))
    return kept


class _Opening(NamedTuple):
    text: str
    speaker: bool  # (a line of the app's own names no speaker)


_SPEAKER = _Opening("", speaker=True)  # a line naming the speaker of the lines below


def _message_opening(line: str) -> _Opening | None:
    """The message a line opens, without its time and speaker, or None where it opens none."""
    for shape in (_BRACKETED, _DASHED):
        found = shape.match(line)
        if found and (not found["who"] or len(found["who"].split()) <= MAX_SPEAKER_WORDS):
            return _Opening(found["text"], speaker=bool(found["who"]))
    if _SPEAKER_LINE.match(line.strip()):
        return _SPEAKER
    return None


def _as_point(text: str) -> str:
    """A message as a point of the notes: its facts, without the chatter round them."""
    text = " ".join(_EMOJI.sub(" ", _EDITED.sub("", text)).split())
    if not text or _SYSTEM.search(text) or not _LETTER_OR_DIGIT.search(text):
        return ""
    sentences = [part for part in _SENTENCE_END.split(text) if not _chatter(part)]
    if not sentences:
        return ""
    point = " ".join(sentences)
    # a point of its own, unless the speaker numbered or bulleted it ("1) capture a sample")
    return point if _LIST_MARK.match(point) else f"- {point}"


def _chatter(sentence: str) -> bool:
    """A sentence of a message that says nothing to learn: a greeting, thanks, a question or a
    request to the group, or what the speaker says of themselves."""
    words = [word.casefold() for word in _WORD.findall(sentence)]
    if not words:
        return True
    if _STATES.search(sentence):
        return False
    if all(word in _CHATTER_WORDS or word in _ANSWER_WORDS for word in words):
        return True
    if len(words) <= MAX_CHATTER_WORDS and words[0] in _CHATTER_WORDS:
        return True  # "ok that makes sense", "brb dinner", "omg thank u"
    if sentence.rstrip().endswith("?") or _QUESTION_START.match(sentence.strip()):
        return True
    return bool(_REQUEST.search(sentence) or _FIRST_PERSON.search(sentence))
