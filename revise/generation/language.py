"""Word knowledge the generator and the checker share: stopwords, rarity, verbs, pronouns.

Rarity comes from `wordfreq` (its English word list ships inside the wheel, so nothing is fetched
at run time; frequency.py reads it quickly). Verb forms come from a small table of irregular verbs
plus suffix rules checked against word frequency: enough to tell a heading from a fact and to turn
"In 1896, Russia established a legation" into "When did Russia establish a legation?".
"""

from __future__ import annotations

import re
from functools import lru_cache

from revise.generation import frequency
from revise.generation.patterns import AtLastWord, lazy_regex, read_as_ascii


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """
    a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    else even ever every few for from further had has have having he her here hers herself him
    himself his how however i if in into is it its itself just least less like many may me might
    more most much must my myself neither no nor not now of off on once only or other our ours
    ourselves out over own per quite rather same several shall she should since so some still
    such than that the their theirs them themselves then there these they this those though
    through thus to too under until up upon us very via was we well were what when where whether
    which while who whom whose why will with within without would yet you your yours yourself
    yourselves mustn't don't doesn't didn't isn't wasn't weren't won't can't couldn't shouldn't
    wouldn't hasn't haven't hadn't it's
    """
)

PRONOUNS = word_set("he she it they we i you this these that those his her its their our him them")
# Words that stand for no thing in particular: "nothing is the cause of itself" defines nothing.
INDEFINITE_PRONOUNS = word_set(
    """
    nothing something anything everything nobody somebody anybody everybody none no-one
    someone anyone everyone others another
    """
)

AUXILIARIES = word_set(
    """
    is are was were be been being am has have had do does did will would shall should can could
    may might must mustn't don't doesn't didn't isn't wasn't weren't won't can't couldn't
    shouldn't wouldn't hasn't haven't hadn't
    """
)

# Words that open a yes/no question when they start one.
YES_NO_OPENERS = AUXILIARIES - {"being", "been", "be"}

# Labels that introduce material rather than name a term: "Examples: ...", "Note: ...".
# "Case study: Boscastle flood 2004", "Example - Rolex": what opens the name of one case
CASE_LABEL = lazy_regex(r"^(?:case\s+study|example|e\.g\.)\s*[:\-\u2013\u2014]?\s*", re.I)
LABEL_WORDS = word_set(
    """
    note notes example examples e.g eg tip tips hint hints remember key important summary answer
    question definition definitions approach method step stage level type types advantage
    advantages disadvantage disadvantages pros cons benefit benefits problem problems limitation
    limitations strength strengths weakness weaknesses evaluation evidence explanation reason
    reasons result results effect effects cause causes significance impact impacts aim aims
    purpose use uses also then after before however therefore but and or so inefficient
    efficient facts fact held holding rule ratio decision objection objections obj reply replies
    criticism criticisms counterargument rebuttal proof
    """
)

# Words that join two clauses: an answer opening on one is the rest of a sentence, not a thing.
COORDINATORS = word_set("and but or nor")

# What the author calls a point they flag ("Key point", "Exam tip", "Important note"), and the
# words that go before it: labels over a point, in any subject.
_POINT_NOUNS = word_set(
    "note notes nb point points tip tips idea ideas fact facts hint hints summary"
    " term terms word words concept concepts definition definitions vocabulary"
)  # ("Key terms", "Key concepts": a heading over the terms, itself none)
_POINT_WORDS = word_set("key main important exam top quick big general final remember nb")
MAX_LABEL_PHRASE_WORDS = 3


def is_label_phrase(text: str) -> bool:
    """ "Key point", "Important note", "Exam tip", "Note": words that flag a point and name no
    term, however they are emphasised."""
    tokens = [token.casefold() for token in re.findall(r"[^\W\d_][\w'\u2019-]*", text)]
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]  # "The big idea", "The key point"
    return (
        1 <= len(tokens) <= MAX_LABEL_PHRASE_WORDS
        and tokens[-1] in _POINT_NOUNS
        and all(token in _POINT_WORDS for token in tokens[:-1])
    )


# Titles written short before a name: "Maj. Rudolf Anderson", "Dr. Jones".
TITLES = word_set(
    "mr mrs ms dr prof st lt gen col sgt capt maj adm cdr cmdr brig rev gov sen rep pres hon fr jr"
    " sr"
)

# Where a full stop is no sentence's end: after an initial or a word written short
# ("Oliver O.", "NICRA (N.", "Mary, b. 1516")
INITIAL_END = AtLastWord(lazy_regex(r"(?:^|[\s(])[A-Za-z]\.$"))
ABBREVIATION_END = AtLastWord(
    lazy_regex(
        r"(?:^|[\s(])(?:(?:[A-Za-z]\.)+[A-Za-z]|ch|chap|s|ss|reg|regs|art|arts|para|paras|p|pp|v|vs|cf|no|nos|vol|sec"
        r"|fig|figs|approx|trad|lit|ca|c|esp|incl|eq|eqn|ref|refs|op|cit|al|conc|dil|temp|max|min|av|avg"
        r"|std|sig|prob|dist|est|govt|gov|dept|yr|yrs|wk|hr|hrs|mins|pt|pts|diff|co|inc|ltd|corp|"
        + "|".join(sorted(TITLES))
        + r")\.$",
        re.I,
    )
)

NUMBER_WORDS = word_set(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion trillion dozen half
    """
)

# the words a count of a few things is written in ("three kinds", "the Five Aggregates")
COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9
}  # fmt: skip


def counted(number: str) -> int:
    """ "3" -> 3, "Three" -> 3: the count a figure or a counting word gives, else 0."""
    return int(number) if number.isdigit() else COUNT_WORDS.get(number.casefold(), 0)


ORDINALS = word_set(
    "first second third fourth fifth sixth seventh eighth ninth tenth last final next"
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Past tense -> base form for the irregular verbs that notes use; regular verbs go by rule.
IRREGULAR_PAST = {
    "arose": "arise", "ate": "eat", "became": "become", "began": "begin", "bent": "bend",
    "bore": "bear", "broke": "break", "brought": "bring", "built": "build", "bought": "buy",
    "caught": "catch", "chose": "choose", "came": "come", "dealt": "deal", "drew": "draw",
    "drove": "drive", "fell": "fall", "felt": "feel", "fought": "fight", "found": "find",
    "fled": "flee", "forbade": "forbid", "forgot": "forget", "froze": "freeze", "gave": "give",
    "got": "get", "went": "go", "grew": "grow", "held": "hold", "kept": "keep", "knew": "know",
    "laid": "lay", "led": "lead", "left": "leave", "lent": "lend", "lost": "lose", "made": "make",
    "meant": "mean", "met": "meet", "overcame": "overcome", "overthrew": "overthrow",
    "paid": "pay", "ran": "run", "rose": "rise", "said": "say", "saw": "see", "sought": "seek",
    "sold": "sell", "sent": "send", "shook": "shake", "shot": "shoot", "showed": "show",
    "sank": "sink", "sat": "sit", "spoke": "speak", "spent": "spend", "stood": "stand",
    "stole": "steal", "struck": "strike", "swore": "swear", "took": "take", "taught": "teach",
    "told": "tell", "thought": "think", "threw": "throw", "understood": "understand",
    "undertook": "undertake", "withdrew": "withdraw", "won": "win", "wrote": "write",
    "wore": "wear", "woke": "wake", "sprang": "spring", "spread": "spread", "split": "split",
    "set": "set", "put": "put", "cut": "cut", "hit": "hit", "let": "let", "cost": "cost",
}  # fmt: skip

# Past participles that are not also the simple past above.
# Verbs that notes write in the past with what was done to the subject and no object:
# "Louis XVI guillotined for treason", "war declared on Austria" were done to them.
DONE_TO = frozenset(
    [
        "killed",
        "shot",
        "wounded",
        "jailed",
        "hanged",
        "released",
        "freed",
        "expelled",
        "defeated",
        "executed",
        "guillotined",
        "assassinated",
        "arrested",
        "imprisoned",
        "exiled",
        "murdered",
        "elected",
        "crowned",
        "founded",
        "signed",
        "declared",
        "abolished",
        "annexed",
        "occupied",
        "invaded",
        "captured",
        "overthrown",
        "deposed",
        "appointed",
        "dismissed",
        "banned",
        "dissolved",
        "sentenced",
        "released",
        "ratified",
        "stormed",
        "nationalised",
        "nationalized",
        "seized",
        "destroyed",
        "introduced",
        "passed",
        "sighted",
        "spotted",
        "sunk",
        "wrecked",
        "besieged",
        "blockaded",
        "bombed",
        "raided",
        "sacked",
        "firebombed",
        "torpedoed",
        "shelled",
        "ambushed",
        "looted",
    ]
)

# Verbs whose object is named as what it became: "Congress made Washington commander", so
# that "Washington made commander", "Gage appointed governor", "Washington inaugurated as 1st
# president", with a bare noun or "as" straight after the verb, were done to their subject.
NAMING_VERBS = frozenset(
    ["made", "appointed", "elected", "crowned", "named", "proclaimed", "declared", "installed",
     "inaugurated", "nominated", "chosen", "sworn", "re-elected", "reelected"]
)  # fmt: skip

# Verbs that take no object: "Stalin died", "the USSR collapsed" happened, nobody did them.
# Any other past form with nothing after it was done to its subject: "Berlin Wall built".
NO_OBJECT_VERBS = word_set(
    """
    died happened occurred collapsed resigned abdicated arrived returned emerged retired erupted
    crashed failed succeeded landed disappeared appeared existed lived survived declined peaked
    rebelled revolted rioted protested marched retreated advanced mutinied defected emigrated
    immigrated migrated reigned triumphed prevailed boomed slumped evolved ended started stayed
    remained waited voted competed intervened objected agreed disagreed reacted responded
    cooperated negotiated campaigned surrendered escaped worked continued hesitated starved
    met convened reconvened gathered
    """
)

IRREGULAR_PARTICIPLES = word_set(
    """
    arisen begun borne broken chosen done drawn driven eaten fallen forbidden forgotten frozen
    given gone grown known overcome overthrown risen seen shaken shown spoken stolen sworn taken
    thrown undertaken withdrawn woken worn written been
    """
)

# Words ending in -ed or -ing that are not verb forms.
_NOT_VERBS = word_set(
    """
    bed red hundred shed sled speed need seed feed greed deed breed creed indeed naked wicked
    sacred kindred rugged ragged beloved learned aged united thing king ring spring string
    nothing something anything everything during evening morning ceiling building wing sing bring
    darling sterling herring pudding wedding
    """
)

_WORD = lazy_regex(r"[A-Za-z][A-Za-z'\u2019-]*")
# How many lines' results each per-text cache keeps: whatever is asked of one line (its tidied
# text, whether it is furniture, advice or a link) is asked again by each kind of card tried.
TEXT_CACHE_SIZE = 16384
# How many words' answers each per-word cache keeps (how common, whether rare or a verb form).
WORD_CACHE_SIZE = 65536


_LETTER_RUN = lazy_regex(r"[a-z]+")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def cue_words(text: str) -> frozenset[str]:
    """The runs of letters a-z in `text` folded, as a case-blind pattern or a casefolded word
    reads them. A question shape that needs a word between spaces or stops ("because", "than")
    cannot match a text that lacks it among these, so it need not be tried there."""
    return frozenset(_LETTER_RUN.findall(read_as_ascii(text)))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def zipf(word: str) -> float:
    """How common an English word is, 0 (unknown) to about 8 ("the"), on the Zipf scale."""
    return frequency.zipf(word)


def is_stopword(word: str) -> bool:
    return word.casefold().replace("\u2019", "'") in STOPWORDS


def content_tokens(normalised: str) -> list[str]:
    """The words of a normalised text (formats.model.normalise) that are no stopwords: its
    words are folded already, so each is looked up as it stands."""
    return [token for token in normalised.split() if token not in STOPWORDS]


def is_number_word(word: str) -> bool:
    return word.casefold() in NUMBER_WORDS


def past_to_base(word: str) -> str | None:
    """The base form of a simple-past verb ("established" -> "establish"), else None."""
    lower = word.casefold()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if not lower.endswith("ed") or len(lower) < 5 or lower in _NOT_VERBS:
        return None
    stem = lower[:-2]
    candidates = [stem, lower[:-1]]
    if lower.endswith("ied"):
        candidates.append(lower[:-3] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        candidates.append(stem[:-1])
    best = max(candidates, key=lambda form: (zipf(form), -len(form)))
    return best if zipf(best) >= 2.0 else None


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_verb_form(word: str) -> bool:
    """True for auxiliaries, simple pasts, participles and -ing forms: the marks of a clause."""
    lower = word.casefold().replace("\u2019", "'")
    if lower in AUXILIARIES or lower in IRREGULAR_PAST or lower in IRREGULAR_PARTICIPLES:
        return True
    if lower in _NOT_VERBS or not lower.isalpha():
        return False
    if lower.endswith("ing") and len(lower) > 5:
        return zipf(lower[:-3]) >= 2.5 or zipf(lower[:-3] + "e") >= 2.5
    return past_to_base(lower) is not None


def words(text: str) -> list[str]:
    """The words of a text, in order ("T-cells", "don't"): found once for each text, which
    several rules read."""
    return list(_words_in(text))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _words_in(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


RARE_ZIPF = 3.5
COMMON_ZIPF = 4.0  # a word this common names no term of its own ("responses", "effects", "date")
RARE_NOUN_ZIPF = 4.0  # abstract nouns ("hostility", "dependence") name ideas worth a card
_NOUN_SUFFIX = lazy_regex(r"(tion|sion|ity|ence|ance|ment|ness|ism|ship|hood|cy)s?$")


# Uncommon but empty nouns of argument: hiding them tests wording, not knowledge.
DISCOURSE_NOUNS = word_set(
    """
    indication implication aspiration transformation interaction consideration circumstance
    development dimension perspective significance relevance tendency tendencies occurrence
    existence presence instance emergence involvement engagement insight dynamics
    """
)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_rare(word: str) -> bool:
    """An uncommon content word: worth learning, unlike "alliance" or "important"."""
    lower = word.casefold()
    if len(lower) < 5 or lower in STOPWORDS or not any(ch.isalpha() for ch in lower):
        return False
    if lower in DISCOURSE_NOUNS or lower.removesuffix("s") in DISCOURSE_NOUNS:
        return False
    threshold = RARE_NOUN_ZIPF if _NOUN_SUFFIX.search(lower) else RARE_ZIPF
    return zipf(lower) < threshold


@lru_cache(maxsize=WORD_CACHE_SIZE)
def same_stem(word: str, other: str) -> bool:
    """ "avoidance" and "avoid", "consolidated" and "consolidation": one word's forms."""
    if word == other:
        return True
    if len(word) < MIN_FORM_STEM or len(other) < MIN_FORM_STEM or word.isdigit():
        return False
    # the letters one stem must share at least
    shared = max(MIN_FORM_STEM, min(len(word), len(other)) - 2)
    if word[:shared] != other[:shared]:
        return False
    common = common_prefix(word, other)
    rests = {word[common:], other[common:]}
    if rests & {"ee", "ees", "or", "ors", "er", "ers"}:
        return False  # "offeree", "offeror", "offer": different parties
    # One stem and two endings ("depreciat-ing", "depreciat-ion"), not two words that share
    # their first letters ("protein" and "protest", "contract" and "contrast").
    return _two_endings(word, other, common, MIN_FORM_STEM)


MIN_FORM_STEM = 4  # the shortest stem two forms of one word share
MIN_DERIVED_STEM = 6


def derived_from_one_stem(word: str, other: str) -> bool:
    """ "denitrifying" and "denitrification": one stem of six letters or more, with two
    endings English makes words with, however long the endings are."""
    return _two_endings(word, other, common_prefix(word, other), MIN_DERIVED_STEM)


def common_prefix(word: str, other: str) -> int:
    """How many letters two words share from their start."""
    return next(
        (i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b),
        min(len(word), len(other)),
    )


def _two_endings(word: str, other: str, common: int, shortest: int) -> bool:
    """Whether two words sharing their first `common` letters are one stem of at least
    `shortest` letters, each with an ending English makes words with."""
    return any(
        word[stem:] in _ENDINGS and other[stem:] in _ENDINGS
        for stem in range(common, shortest - 1, -1)
    )


# What English adds to a stem to make another form of one word ("avoid", "avoidance").
_ENDINGS = frozenset(
    [
    "", "s", "es", "e", "ed", "d", "ing", "ings", "ion", "ions", "ation", "ations", "ance",
    "ances", "ence", "ences", "ant", "ants", "ent", "ents", "al", "ally", "ly", "ity", "ities",
    "ive", "ives", "iveness", "ness", "ment", "ments", "able", "ible", "ic", "ics", "ical",
    "ian", "ians", "ist", "ists", "ism", "ise", "ised", "ize", "ized", "y", "ies", "ied", "is",
    "ying", "ication", "ications",
    ]
)  # fmt: skip


def given_by_context(answer: str, context: str) -> bool:
    """Every word of the answer is in the heading trail above the card, in some form: the
    context line gives it away ("Avoidance" under "avoid deadlock")."""
    from revise.formats.model import normalise

    named = [w for w in normalise(answer).split() if not is_stopword(w) and not w.isdigit()]
    shown = normalise(context).split()
    if any(number not in shown for number in re.findall(r"\d+", normalise(answer))):
        return False  # "325 V" under "UK mains: 230 V rms": the unit is shown, not the value
    if bool(named and shown) and all(any(same_stem(w, o) for o in shown) for w in named):
        return True
    return _initials_shown(answer.strip(), context) or _surname_shown(answer.strip(), context)


def _initials_shown(answer: str, context: str) -> bool:
    """ "LV" under "left ventricle wall is much thicker": the words the letters stand for are
    in the heading, so the abbreviation is given away."""
    letters = re.fullmatch(r"([A-Z]{2,5})s?", answer)
    if not letters:
        return False
    for part in context.split(" > "):
        if letters[1] in "".join(word[0] for word in _content_words(part)).upper():
            return True
    return False


# "MPC", "hCG", "NSAIDs": letters that abbreviate words (two capitals at least, so no plain word)
_ABBREVIATION = lazy_regex(r"([A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*?)s?")


def abbreviation_letters(token: str) -> str:
    """The letters of an abbreviation, in capitals ("hCG" -> "HCG", "MPCs" -> "MPC"), or ""."""
    shaped = _ABBREVIATION.fullmatch(token)
    return shaped[1].upper() if shaped and 2 <= len(shaped[1]) <= 6 else ""


def initials(phrase: str) -> set[str]:
    """The capitals the words of a phrase begin with, small words left out; a hyphenated word
    gives one letter or one for each part ("anti-diuretic hormone": "AH" or "ADH"), and an
    abbreviation among them all its letters ("continuous ambulatory PD": "CAP" or "CAPD")."""
    words = _content_words(phrase)
    whole = "".join(word[0] for word in words).upper()
    parts = "".join(part[0] for word in words for part in word.split("-") if part).upper()
    spelled = "".join(abbreviation_letters(word) or word[0] for word in words).upper()
    return {whole, parts, spelled} if len(words) >= 2 else set()


def _content_words(text: str) -> list[str]:
    """The words of a text an abbreviation may stand for: small words left out."""
    return [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if not is_stopword(w.casefold())]


def spelled_by(letters: str, phrase: str) -> bool:
    """The phrase is what the letters abbreviate: each of its words, small ones aside, begins
    with the next letter, and a letter left over stands inside its word ("ADH": antidiuretic
    hormone; "DNA": deoxyribonucleic acid; "SPG": Spelling, Punctuation and Grammar)."""
    spelled = [word.casefold() for word in _content_words(phrase)]
    letters = letters.casefold()

    def spells(left: str, index: int) -> bool:
        if index == len(spelled):
            return not left
        word = spelled[index]
        if not left or left[0] != word[0]:
            return False
        rest, at = left[1:], 1
        if spells(rest, index + 1):
            return True
        for taken, letter in enumerate(rest, start=1):  # a letter inside the word
            at = word.find(letter, at) + 1
            if not at:
                return False
            if spells(rest[taken:], index + 1):
                return True
        return False

    return len(spelled) >= 2 and spells(letters, 0)


# "the Commonwealth of Independent States (CIS)": a name with the letters that abbreviate it
_NAME_AND_LETTERS = lazy_regex(
    r"\b(?P<name>[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|the|on)\s+)*[A-Z][\w'-]*)+)"
    r"\s+\((?P<letters>[A-Z]{2,6})\)"
)


def by_letters(text: str) -> str:
    """The text with each name that its abbreviation follows written as the abbreviation ("the
    Commonwealth of Independent States (CIS)" -> "the CIS"), as a short answer may name it."""

    def lettered(match: re.Match[str]) -> str:
        # ("Russia and the Commonwealth of Independent States (CIS)": the letters stand for
        # the last words of the run of names only)
        name = match["name"]
        for start in [0, *(found.start() for found in re.finditer(r"(?<=\s)[A-Z]", name))]:
            if spelled_by(match["letters"], name[start:]):
                return f"{name[:start]}{match['letters']}"
        return match[0]

    return _NAME_AND_LETTERS.sub(lettered, text)


def abbreviations_in(text: str) -> set[str]:
    """The letters of every abbreviation written in a text."""
    return {abbreviation_letters(word) for word in re.findall(r"[A-Za-z]+", text)} - {""}


# "Miss Stone", "Lord Atkin", "Dr Shipman": a person named with a title
_TITLED = lazy_regex(
    r"^(?:miss|mr|mrs|ms|dr|lord|lady|sir|dame|prof|king|queen)\.?\s+(?:[A-Z][\w'-]*\s+)*"
    r"(?P<surname>[A-Z][\w'-]{2,})$",
    re.I,
)


def _surname_shown(answer: str, context: str) -> bool:
    """ "Miss Stone" under "Bolton v Stone (1951)": the surname in the heading gives her away."""
    titled = _TITLED.match(answer)
    return bool(titled) and bool(re.search(rf"\b{re.escape(titled['surname'])}\b", context))


# Verbs whose object is a belief, a finding or a claim: what follows them is the fact.
STANCE_VERBS = frozenset(
    [
        "fear",
        "believe",
        "hope",
        "think",
        "argue",
        "claim",
        "expect",
        "anticipate",
        "realise",
        "realize",
        "insist",
        "suggest",
        "warn",
        "predict",
        "assume",
        "conclude",
        "find",
        "show",
        "demonstrate",
        "prove",
        "indicate",
        "reveal",
        "acknowledge",
        "recognise",
        "recognize",
        "propose",
        "maintain",
        "state",
        "say",
        "know",
        "worry",
        "feel",
    ]
)


# The note-taker's arrow between a thing and what it leads to ("tax -> both fall").
ARROWS = ("->", "=>", "\u2192")  # the ways notes write an arrow
ARROW = f"(?:{'|'.join(ARROWS)})"
# A person's name, with initials and particles ("W.D. Ross", "Ludwig van Beethoven"), and
# two of them joined ("Florey + Chain", "Watson and Crick").
_NAME_WORD = r"(?:[A-Z][a-z][\w'\u2019-]*|(?:[A-Z]\.\s?)+)"
_PARTICLE = r"(?:de|da|di|del|van|von|der|la|le|du)"
PERSON_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
PEOPLE = rf"{PERSON_NAME}(?:\s*(?:\+|&|and)\s*{PERSON_NAME})?"
# Verbs that follow a subject and never open an object: "The O2 released comes from water"
# says where the O2 comes from, not what it released.
MAIN_VERBS = word_set(
    "is are was were has have had comes came goes went occurs occurred happens happened"
    " becomes became remains remained means meant"
)


# "e.g. the BMA ...", "for example: ...": a line of notes that gives an example of the one above
EXAMPLE_LINE = lazy_regex(r"^\(?(?:e\.?\s?g\.?|eg|for\s+example|for\s+instance)(?:[\s,:]|$)", re.I)
# "e.g. Mid-Atlantic Ridge", "such as the Andes": what opens an example, not a thing named
EXAMPLE_OPENER = lazy_regex(
    r"^\(?(?:e\.?\s?g\.?|i\.?\s?e\.?|eg|ie|for\s+example|for\s+instance|such\s+as|like)(?:[\s,:]|$)",
    re.I,
)


# A full stop after a short word ("pop.", "acc.", "Mass.", "etc.") or letters with stops
# ("i.e.", "U.S.")
_SHORT_WORD_END = lazy_regex(r"(?:^|\s)([A-Za-z]{1,4}|(?:[A-Za-z]\.){1,3}[A-Za-z])\.$")
EVERYDAY_ZIPF = 5.0  # "name", "city", "food": a word this common is written out in full


def cut_short(text: str) -> bool:
    """Whether the full stop that ends `text` marks a word cut short ("approx. 2% of voting
    age pop.", "acc.", "Sh.") rather than a sentence's end ("... the prison story + name.",
    "... on the edge of the city.") where what follows goes on in lower case."""
    match = _SHORT_WORD_END.search(text)
    if not match:
        return False
    word = match[1]
    return not (len(word) == 4 and word.islower() and zipf(word) >= EVERYDAY_ZIPF)
