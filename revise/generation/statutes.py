"""Statutes: what a numbered provision of an Act or a constitution says.

Law and politics notes are built around numbered provisions: "s2(2): a duty to take such care
as ...", "loss of control need not be sudden (s.54(2))", "Article 48 = president can rule by
decree", or a heading "Children - s2(3)(a)" over what that subsection says. Each is asked as
"What does s2(2) of the Occupiers' Liability Act 1957 say?" with the rule as the answer, the Act
named where the line, its headings or the provision cited before it make clear which one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from revise.generation.card_limits import MAX_ANSWER_WORDS
from revise.generation.grammar import can_be, verb_base
from revise.generation.patterns import lazy_regex

# "s2(2)", "s.54(1)(c)", "s. 57(2)", "ss.54-56", "section 1(3)", "Art. 87", "Article I Section 8",
# "reg. 11", "r.3": a numbered provision ("section 4.5" of a syllabus is none)
_NUMBER = r"\d+[A-Z]{0,2}(?:\(\w{1,4}\))*(?!\.\d)"
_REF = (
    r"(?:\b(?:ss?(?=\d)|ss?\.\s?|[Ss]ections?\s|[Ss]ecs?\.\s?|[Rr]eg(?:ulation)?s?\.?\s?(?=\d)"
    r"|r\.\s?(?=\d)|rules?\s|Arts?\.\s?|Articles?\s)"
    rf"{_NUMBER}(?:\s?[-\u2013]\s?(?:ss?\.?)?{_NUMBER})?"
    r"|\bArticle\s+[IVX]+(?:,?\s+[Ss]ection\s+\d+)?)"
)
_REF_ONLY = lazy_regex(rf"^{_REF}$")
# What every reference holds: a number, or "Article" before Roman numerals (a cheap first test)
_MAY_CITE = lazy_regex(r"\d|Article")
# How every Act's name ends: "Act 1957", "Act, 1957", "OLA 1957" (a cheap first test)
_NAMES_AN_ACT = lazy_regex(r"A(?:ct,?)?\s+\d{4}")
_REF_IN = lazy_regex(_REF)
# "(s.55)" after "the loss of control had a QUALIFYING TRIGGER": a whole section cited after a
# line says where its term is set out; a subsection ("(s.54(2))") is the rule the line states
_WHOLE_SECTION = lazy_regex(r"^(?:ss?\.?\s?|[Ss]ections?\s|[Ss]ecs?\.\s?)\d+[A-Z]{0,2}$")
# "the Occupiers' Liability Act 1957", "Law Reform (Contributory Negligence) Act 1945", or the
# letters students write for one ("OLA 1957", "CJA 2009": an Act's initials end in its A)
_FULL_ACT = (
    r"(?:[A-Z][\w'\u2019-]*\s+(?:(?:and|of|for|the|to|on|in)\s+)?(?:\([^()]{1,40}\)\s+)?)+"
    r"Act,?\s+\d{4}"
)
_SHORT_ACT = r"\b[A-Z]{0,5}A\s+\d{4}\b"
FULL_ACT = lazy_regex(_FULL_ACT)
_ACT = lazy_regex(rf"(?P<act>{_FULL_ACT}|{_SHORT_ACT})")
_SMALL = frozenset(["and", "of", "for", "the", "to", "on", "in"])
# "Weimar Constitution", "Treaty of Versailles", "Fourteenth Amendment": a text with articles
# or sections of its own, as a heading or the bullet over its sections names it
_TEXT_NAME = lazy_regex(
    r"\b(?:(?!the\b)[a-z]+\s+constitution|treaty\s+of\s+[a-z]+"
    r"|(?:[a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th))\s+amendment)\b",
    re.I,
)
# "Article I Section 8 lists the enumerated powers of Congress", "Section 3 barred ...": what
# a provision does, told by a verb after it
_DOES = lazy_regex(rf"^(?:the\s+)?(?P<ref>{_REF})\s+(?P<verb>[a-z]+)\s+(?P<rule>[a-z\"'].*)$")
# verbs whose object is followed by what it does ("makes the Constitution very hard to
# change"): asked as "What does Article V make?", half the point is left out
_COMPLEMENT_VERBS = frozenset(["let", "make", "allow", "enable", "force", "require", "help", "get"])

# "Premises: s1(3)(a) - includes ...", "s1(8): only covers ...", "Consent - s2(5), visitor ...",
# "Sale of Goods Act 1979 s. 57(2): a sale by auction ...", "Article 48 = president can ..."
_SEP = r"\s*(?::|=|,|\s[-\u2013\u2014]|[-\u2013\u2014]\s)\s*"
_OPENING = lazy_regex(
    rf"^(?:(?P<label>[A-Z][^:\u2013\u2014=]{{0,50}}?)\s*(?::|\s[-\u2013\u2014])\s*)?"
    rf"(?:(?P<before>{_FULL_ACT}|{_SHORT_ACT})\s+)?(?P<ref>{_REF})"
    rf"(?:\s+(?P<act>{_FULL_ACT}|{_SHORT_ACT}))?(?:\s*\((?P<aside>[^()]*)\))?{_SEP}"
    r"(?P<rule>\S.*)$"
)
# "loss of control need NOT be sudden (s.54(2)) - cf ...", "Duty can be discharged by ... - s1(5)."
_TRAILING = lazy_regex(
    rf"^(?P<rule>\S.*?)\s*(?:\((?P<ref>{_REF})(?:,?\s+(?P<act>{_FULL_ACT}|{_SHORT_ACT}))?\)"
    rf"|[-\u2013\u2014]\s*(?P<dashed>{_REF})(?:\s+(?P<dashed_act>{_FULL_ACT}|{_SHORT_ACT}))?"
    r"\s*\.?\s*$)(?P<after>.*)$"
)
# "Children - s2(3)(a)", "Warnings (s2(4)(a))": a heading naming what a provision is about
_HEADING = lazy_regex(
    rf"^(?P<topic>[A-Z][^:()\u2013\u2014]{{0,40}}?)\s*(?:[-\u2013\u2014:]\s*(?P<ref>{_REF})"
    rf"|\((?P<bracketed>{_REF})\))(?:\s+(?P<act>{_FULL_ACT}|{_SHORT_ACT}))?\s*:?$"
)
# "An occupier must be prepared for ...": what the rule's subject must or may do
_DUTY = lazy_regex(
    r"^(?P<subject>(?:(?:an?|the)\s+)?[a-z]+)\s+\"?(?P<modal>must|should|may|can|cannot|need\s+not)"
    r"\s+(?P<done>.+)$",
    re.I,
)
# "be discharged by warnings or ...": what a thing may be done by
_DONE_BY = lazy_regex(r"^(?P<done>be\s+[a-z]+ed\s+by)\s+(?P<by>.+)$")
_CASE = lazy_regex(r"\b[A-Z][\w'.&]*(?:\s+[\w'.&()]+){0,6}\s+v\.?\s+[A-Z]")
_OPENS_ON_JOIN = lazy_regex(r"^(?:or|and|but|also|so|then|this|it|they|these)\b", re.I)
# A rule says something: at least this many words, else it is a name ("diminished
# responsibility (s.2 Homicide Act 1957)"), not what the provision says
MIN_RULE_WORDS = 4
MAX_LETTERS_SHORT = 4  # "CJA", "UCTA": a word in capitals this short is letters for a name


# "diminished responsibility (s.2 Homicide Act 1957, as amended ...)": a defence, offence or
# right, with the provision and Act that set it out
_NAMED_IN = lazy_regex(
    rf"^(?P<name>[A-Za-z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){{0,3}}?)\s*"
    rf"\((?P<where>(?P<ref>{_REF})\s+(?P<act>{_FULL_ACT}|{_SHORT_ACT}))(?:[,;][^()]*)?\)"
    r"(?:\s*[-\u2013\u2014:].*)?$"
)
MAX_NAME_WORDS = 4  # "diminished responsibility", "loss of control": a name, not a clause


@dataclass(frozen=True)
class Provision:
    """A provision a line cites, the Act it is of (if the line names one), what the line says it
    is about (a label or heading), and what it says."""

    ref: str
    act: str
    about: str
    rule: str
    verb: str = ""  # "lists", "barred": the verb the rule follows, if the line says what it does


def acts_named(text: str) -> list[str]:
    """The Acts a text names, in order: "OLA 1957", "the Homicide Act 1957"."""
    return [
        re.sub(r"^the\s+", "", match["act"].replace(",", ""), flags=re.I)
        for line in text.split("\n")
        if _NAMES_AN_ACT.search(line)
        for match in _ACT.finditer(line)
    ]


def cited_act(text: str) -> str:
    """The Act a line last cites a provision of ("s.2(1) HA 1957 (amended):" -> "HA 1957",
    "Sale of Goods Act 1979 s. 57(2): ..." -> "Sale of Goods Act 1979"), or ""."""
    if not _NAMES_AN_ACT.search(text):
        return ""
    cited = [match["act"] or match["before"] for match in _CITED.finditer(text)]
    return acts_named(cited[-1])[0] if cited else ""


_CITED = lazy_regex(
    rf"(?:{_REF})\s+(?P<act>{_FULL_ACT}|{_SHORT_ACT})|(?P<before>{_FULL_ACT}|{_SHORT_ACT})\s+(?:{_REF})"
)


def heading_act(heading: str) -> str:
    """The one Act (or constitution, treaty or amendment) a heading names ("OLA 1957 - the
    common duty of care"), or "" where it names none or several ("Occupiers' Liability (OLA
    1957 + 1984)")."""
    named = acts_named(heading)
    if not named:
        named = [_title_case(match[0]) for match in _TEXT_NAME.finditer(heading)]
    if len(named) != 1 or len(re.findall(r"\b\d{4}\b", heading)) > 1:
        return ""
    return named[0]


def _title_case(name: str) -> str:
    """ "TREATY OF VERSAILLES" -> "Treaty of Versailles"; a name in its own case as it is."""
    if not name.isupper():
        return name
    return " ".join(
        word.lower() if word.lower() in _SMALL else word.capitalize() for word in name.split()
    )


def full_act(act: str, named: Sequence[str]) -> str:
    """ "OLA 1957" -> "the Occupiers' Liability Act 1957" where the notes name it in full
    somewhere, among the Acts they name (its initials and year match); else the Act as
    written."""
    if not act or not re.fullmatch(_SHORT_ACT, act):
        return f"the {act}" if act else ""
    letters, year = act.split()
    for name in named:
        if not name.endswith(year) or " Act " not in f" {name} ":
            continue
        named = re.sub(r"\([^()]*\)", "", name[: -len(year)])
        initials = "".join(word[0] for word in named.split() if word not in _SMALL)
        if initials == letters:
            return f"the {name}"
    return act


def provision_of(text: str, heading: str = "") -> Provision | None:
    """The provision a line cites and what it says, or under a heading that names a provision,
    what the line says that provision is about; None for a line of neither shape."""
    if not _REF_IN.search(text) and not (heading and _REF_IN.search(heading)):
        return None  # (every shape below cites a provision, or sits under one that does)
    text = re.sub(r"\s+", " ", text).strip()
    if "?" in text:
        return None  # a question to the writer, no provision's own words
    opening = _OPENING.match(text)
    if opening and not _REF_ONLY.match(opening["rule"]):
        label = (opening["label"] or "").strip()
        if label and _REF_ONLY.match(label):
            return None
        act = opening["act"] or opening["before"] or ""
        return _made(opening["ref"], act, label, opening["rule"])
    trailing = _TRAILING.match(text)
    whole_section = trailing and _WHOLE_SECTION.match(trailing["ref"] or trailing["dashed"])
    if trailing and not whole_section:
        ref = trailing["ref"] or trailing["dashed"]
        act = trailing["act"] or trailing["dashed_act"] or ""
        return _made(ref, act, "", trailing["rule"])
    does = _DOES.match(text)
    if does and _verb_of_rule(does["verb"]):
        made = _made(does["ref"], "", "", does["rule"])
        return made and Provision(made.ref, "", "", made.rule, does["verb"])
    named = _HEADING.match(heading.strip()) if heading else None
    if named and not re.search(_REF, text):
        ref = named["ref"] or named["bracketed"]
        return _made(ref, named["act"] or "", named["topic"], text)
    return None


def _made(ref: str, act: str, about: str, rule: str) -> Provision | None:
    rule = _first_sentence(rule).strip(" .;,:")
    if len(rule.split()) < MIN_RULE_WORDS or _OPENS_ON_JOIN.match(rule) or _CASE.search(rule):
        return None  # a name, a clause that goes on from the line before, or a case's facts
    return Provision(ref.strip(), acts_named(act)[0] if act else "", about.strip(), rule)


def _verb_of_rule(word: str) -> str:
    """ "lists" -> "list", "barred" -> "bar": the verb a provision's rule follows, where it
    can be nothing else and is no verb whose object does something more."""
    present = verb_base(word, "VBZ")
    base = present or verb_base(word, "VBD")
    if not base or base in _COMPLEMENT_VERBS or base in ("be", "have"):
        return ""
    if not present and can_be(word, "NOUN"):
        return ""  # "cut", "set": a noun as likely as a verb
    return base


def _first_sentence(text: str) -> str:
    """ "includes 'any fixed ... aircraft'. So a lift ... can count.": the first sentence."""
    return re.split(r"(?<=[.!?\"\u201d])\s+(?=[A-Z])", text, maxsplit=1)[0]


def provision_question(provision: Provision, act: str) -> tuple[str, str] | None:
    """ "What does s2(2) of the Occupiers' Liability Act 1957 say?" and the rule, or, where
    the rule is too long to answer, what its subject must do; None where neither fits."""
    of = f" of {act}" if act.startswith("the ") else f" {act}" if act else ""
    about = provision.about
    if about.isupper() and len(about) > MAX_LETTERS_SHORT:
        about = about.lower()  # "BLAME", not "CJA": a word written in capitals
    elif about and not (len(about) > 1 and about[:2].isupper()):
        about = about[0].lower() + about[1:]
    about_said = f" about {about}" if about else ""
    rule = provision.rule
    if provision.verb:
        # "Article I Section 8 lists the enumerated powers of Congress"
        tense = "did" if verb_base(provision.verb, "VBZ") is None else "does"
        if len(rule.split()) > MAX_ANSWER_WORDS:
            return None
        front = f"What {tense} {provision.ref}{of} {_verb_of_rule(provision.verb)}?"
        return front, _capital(rule)
    if len(rule.split()) > MAX_ANSWER_WORDS:
        rule = _shorter(rule)
    if rule and len(rule.split()) <= MAX_ANSWER_WORDS:
        return f"What does {provision.ref}{of} say{about_said}?", _capital(rule)
    duty = _DUTY.match(provision.rule)
    if duty and " not" not in f" {duty['modal']}" and duty["modal"].lower() != "cannot":
        done = duty["done"].strip(' ."')
        subject = duty["subject"][0].lower() + duty["subject"][1:]
        modal = duty["modal"].lower()
        said = f"What does {provision.ref}{of} say {subject} {modal}"
        by = _DONE_BY.match(done)
        if by and MIN_RULE_WORDS - 1 <= len(by["by"].split()) <= MAX_ANSWER_WORDS:
            return f"{said} {by['done']}?", _capital(by["by"])
        if MIN_RULE_WORDS <= len(done.split()) <= MAX_ANSWER_WORDS and not by:
            return f"{said} do?", _capital(done)
        quoted = _TO_QUOTED.match(duty["done"].strip(" ."))
        if quoted and MIN_RULE_WORDS <= len(quoted["quote"].split()) <= MAX_ANSWER_WORDS:
            # "can expect a person in the exercise of their calling to "appreciate and guard
            # against any special risks ..."": the Act's own words, what the person is to do
            return f"{said} {quoted['before']} do?", _capital(quoted["quote"])
    return None


# "expect a person ... to "appreciate and guard against ..."": a duty ending in the Act's words
_TO_QUOTED = lazy_regex(
    r"^(?P<before>[^\"\u201c]+?\sto)\s+[\"\u201c](?P<quote>[^\"\u201d]+)[\"\u201d]$"
)


def splits_provision(text: str, start: int, end: int) -> bool:
    """Whether hiding text[start:end] hides part of a provision's reference and shows the
    rest ("Article I Section [8]", "Reg. [11]", "s.[54](2)"): a section's number alone is
    nothing to recall. A treaty's or constitution's article is known by its number, hidden
    whole ("Article [231] forced Germany to accept the blame")."""
    if not _MAY_CITE.search(text):
        return False
    for ref in _REF_IN.finditer(text):
        if not (start < ref.end() and ref.start() < end):
            continue
        if start <= ref.start() and ref.end() <= end:
            continue  # the whole reference
        article = _ARTICLE_NUMBER.match(ref[0])
        if article and start == ref.start() + article.start("number") and end == ref.end():
            continue
        return True
    return False


_ARTICLE_NUMBER = lazy_regex(r"^Articles?\s+(?P<number>\d+|[IVX]+)$")


def provision_named(text: str) -> tuple[str, str] | None:
    """ "diminished responsibility (s.2 Homicide Act 1957, ...)" -> ("Which statutory
    provision sets out diminished responsibility?", "s.2 Homicide Act 1957"); None for a line
    of another shape, or one whose opening is a clause, not a name."""
    if "(" not in text or not _NAMES_AN_ACT.search(text):
        return None
    found = _NAMED_IN.match(re.sub(r"\s+", " ", text).strip())
    if not found or len(found["name"].split()) > MAX_NAME_WORDS:
        return None
    name = found["name"]
    if any(verb_base(word, "VBZ") or verb_base(word, "VBD") for word in name.split()[1:]):
        # "D killed V (s.1 ...)": what happened, not what the provision is of (a first word
        # may be a participle: "diminished responsibility", "aggravated burglary")
        return None
    if not name[1:2].isupper():
        name = name[0].lower() + name[1:]
    return f"Which statutory provision sets out {name}?", found["where"]


def goes_on(text: str) -> bool:
    """ "or a combination of both (s.55(5))": a line that goes on from the one before it."""
    return bool(_OPENS_ON_JOIN.match(text.strip()))


def _shorter(rule: str) -> str:
    """ "only covers personal injury - NO claim for damage to property ...": the rule before
    the dash or bracket that adds to it, where that still says something."""
    for cut in (r"\s+[-\u2013\u2014]\s+(?!i\.e\.)", r";\s+"):
        head = re.split(cut, rule, maxsplit=1)[0].strip(" ,")
        if MIN_RULE_WORDS - 1 <= len(head.split()) <= MAX_ANSWER_WORDS:
            return head
    return ""


def _capital(text: str) -> str:
    text = text.strip(" \"'\u201c\u201d")
    return text[:1].upper() + text[1:]
