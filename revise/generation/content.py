"""What in notes is not subject matter: words to the reader, about the exam, notes to self.

One rule, used by the card builder (which makes no card of such a line) and by the card
checker (which flags a card that holds one).
"""

from __future__ import annotations

import re
from functools import lru_cache

from revise.generation.language import TEXT_CACHE_SIZE
from revise.generation.patterns import Guarded, lazy_regex

META_LABEL = lazy_regex(
    r"^\s*\[?(?:tips?|hints?|notes?|nb|n\.b\.|todo|to do|tbc|fixme|summary|remember|reminder"
    r"|warning|(?:worked )?example(?: question| answer)?s?|exam(?: tip| stuff| question)?s?"
    r"|question|answer"
    r"|key|edit)\]?\s*[:!\-\u2013\u2014]",
    re.I,
)
MARKS = Guarded(
    lazy_regex(
        r"\b\d+\s*(?:[-\u2013]\s*\d+\s*)?marks?\b|\b\d+\s+marker\b|\blevel \d\b|\bgrade \d\b",
        re.I,
    )
)
# A note to the writer: each shape is looked for on its own, only in a text holding a word it
# needs (as one pattern, a shape's "to" would let every text through to all of them).
NOTE_TO_SELF = tuple(
    Guarded(lazy_regex(shape, re.I))
    for shape in (
        r"\b(?:todo|fixme|tbc)\b",
        r"(?:^|[^\w\s]\s*)to[\s-]do\b",
        r"\blost\s+(?:a|one|\d+)\s+marks?\b",
        r"\b(?:not|isn't|is\s+not)\s+(?:on|in)\s+(?:the|our|my)\s+(?:spec|specification)\b",
        r"^\W*last\s+(?:updated|modified|edited)\b",
        r"\b(?:add|insert|put|write|finish|fill in|draw)\b[^.!?]{0,60}\b(?:here|later)\b",
        r"^(?:ask|check with|email)\b",
        r"\bsee (?:above|below)\b",
        r"\b(?:above|below)\b(?=[^.!?]*\bsee\b)",
        r"\b(?:tidy|sort|fix|redo)\b[^.!?]{0,60}\b(?:here|later)\b",
        # "multiple realisability?? no that's for identity theory", "Agreed too?? check": the
        # writer's doubt ("???" opens a collapsible box in some Markdown, no doubt)
        r"(?<!\?)\?\?(?!\?)",
        r"\bFIX\b(?<=(?-i:FIX))",  # (in capitals: not "legumes fix nitrogen")
        # "started 3rd march, finish before mock!!": the writer's own timetable
        r"\b(?:before|after|for|in)\s+(?:the\s+|my\s+|our\s+)?mocks?\b",
        # "good line for an intro", "use this quote in the conclusion": what a line is good for
        # in the writer's answers
        r"\b(?:lines?|quotes?|quotations?|phrases?)\s+(?:to\s+use\s+)?(?:for|in)\s+"
        r"(?:an?\s+|the\s+|my\s+|your\s+)?(?:intro(?:duction)?s?|conclusions?|essays?)\b",
        # "key quote for Birling essays", "good quote for the power question": what a line is
        # good for in the writer's answers
        r"^\W*(?:a\s+)?(?:key|good|great|useful|best|strong)\s+(?:quotes?|quotations?)\s+for\b",
        # "closed book so LEARN THESE", "- learn this!!": the writer's order to themselves
        r"(?:^|[^\w\s]\s*|\bso\s+)learn\s+(?:these|this|them|all\s+(?:of\s+)?these)\b",
        # "- learn the diff!!", "(learn the labels!!)", "ARGH also learn inverted U theory": an
        # order with no one to do it but the writer (not "learn - apprendre", a word's meaning)
        r"(?:^|[^\w\s'\u2019]\s*|(?-i:\b[A-Z]{3,})\W*\s+)(?:also\s+|then\s+)?learn\b"
        r"(?!\s*[-:=(\u2013\u2014])",
        # "KEY PHRASE use it": the writer's order to use a phrase in their answers
        r"(?:^|[^\w\s]\s*|(?-i:\b[A-Z]{2,}\s+))use\s+(?:it|this|these|them)\b",
        # "colours = green is aerobic, red is anaerobic": the key to the notes' own colours
        r"^\W*(?:colou?r(?:s|\s+key|\s+code)?|highlight(?:s|ing)?)\s*[=:]\s*(?:green|red|blue"
        r"|yellow|orange|pink|purple|bold|underlined?|highlighted)\s+(?:is|=|means|for)\s",
        # "recap from last wk": a lesson's running order
        r"\brecap\s+(?:from|of)\s+(?:the\s+)?(?:last|previous)\b",
        # where the notes come from and who gave them: "Made this from Mrs Okafor's slides",
        # "Typed live, Dr Achterberg, tues 10am", "teacher = Ms Dunn"
        r"\b(?:made|wrote|copied|typed)\s+(?:this|these|it|them)\s+(?:up\s+)?(?:from|off)\b",
        r"^\W*typed\s+(?:live|up|in\s+class)\b",
        # (not a character list's "Teacher: Mr Gradgrind")
        r"(?:[,;(]\s*(?:my\s+|our\s+)?|^\W*(?:my|our)\s+)(?:teacher|lecturer|tutor)\s*"
        r"(?:=|:|-|is\b)\s*"
        r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\b",
        # the writer's own way to remember: "I remember it because 'motors drive on the left'"
        r"\bI\s+(?:remember|remeber|rember|memori[sz]e)\s+(?:it|this|that|them|these)\b",
        # the typing and the printing of the notes themselves: "typed on the bus so sorry for
        # typos", "prose bits are just for me, don't print those", "excuse the spelling"
        r"\btypos?\b|\bsorry\s+(?:for|about)\s+(?:the\s+|my\s+|any\s+)?(?:typos?|spelling|mess"
        r"|handwriting|formatting)\b|\bexcuse\s+(?:the|my)\s+(?:typos?|spelling|mess|handwriting)\b",
        r"^\W*typed\s+(?:on|in|at|during)\s+(?:the|my|a)\b",
        r"\b(?:don'?t|do\s+not|never)\s+print\b|\bjust\s+for\s+me\b",
        # "Link to Henry Ford production line", "Link back to theories: ...": the writer's
        # reminder to connect a point to another part of an answer
        # (not "link to meiosis: independent assortment ...", a point given after the colon)
        r"^\W*links?\s+(?:back\s+)?(?:to|with)\b(?![^:]*:\s*\w)",
    )
)
EXAM_WORDS = Guarded(
    lazy_regex(
        r"\b(?:exams?|examiners?|mark schemes?|revision|revise|revising|textbook|syllabus|homework"
        r"|mocks|coursework|past papers?|for test purposes|in the test|AO[1-4]"
        # "in today's lesson", "from the history lesson", "Mrs Okafor's lessons", "lessons 4-7",
        # not "to disrupt music lessons" or "the lessons of Munich"
        r"|(?:(?:this|last|next|today'?s|yesterday'?s|our|my|in|from|the)\s+(?:\w+\s+)?|'s\s+)"
        r"lessons?(?!\s+of\b)|lessons?\s+\d+"
        r"|assessment objectives?"
        # a course's running ("problem set 4 due Fri", "office hrs moved", "covers today + next
        # lecture"), not its subject
        r"|problem\s+(?:sets?|sheets?)|office\s+h(?:ou)?rs\s+(?:moved|changed|cancelled|are\s+now)\b"
        r"|(?:this|last|next|today'?s|yesterday'?s|previous)\s+(?:lectures?|seminars?|tutorials?)"
        r"|questions? (?:about|on)|(?:my|these|your|the) notes|this note"
        # "a lot of people lose the knowledge mark", "either gets the mark": marks in the exam
        r"|(?:lose|loses|losing|get|gets|getting|gain|gains|drop|drops|pick\s+up)\s+"
        r"(?:the|a|an|easy|free)\s+(?:\w+\s+)?marks?(?!\s+(?:of|on)\b)"
        r"|(?:its|their|his|her|an?) own (?:notes?|page|file))\b",
        re.I,
    )
)
# "GCSE History - Superpower relations (Edexcel)", "PHIL OF MIND - A level AQA (paper 1)": the
# course and exam the notes are for, named by its level and its board or paper, in a title line
COURSE_LEVEL = lazy_regex(r"\b(?:I?GCSEs?|AS[\s-][Ll]evels?|(?i:a[\s-]levels?))\b")
COURSE_PART = lazy_regex(
    r"\b(?:AQA|Edexcel|OCR|WJEC|Eduqas|CCEA|CIE|(?i:paper|unit|component|module)\s+\d)\b"
)
# "the steps come up ALL the time", "always comes up": how often a point is asked in the exam
COMES_UP = lazy_regex(
    r"\b(?:comes?|came|coming)\s+up\s+(?:a\s+lot|all\s+the\s+time|every\s+(?:year|time)|loads"
    r"|often|in\s+(?:the\s+)?(?:exams?|papers?))\b|\b(?:always|often)\s+comes?\s+up\b",
    re.I,
)
# "Worked example (Q4)", "8. Exam questions", "Practice question": a section that works through
# one made-up case; its numbers and its conclusion belong to the case, not to the subject.
WORKED_EXAMPLE = lazy_regex(
    r"^\s*(?:\d+[.)]\s*)?(?:worked\s+examples?|(?:exam|practice|sample|example|past)\s+"
    r"(?:paper\s+)?questions?|q\d+)\b",
    re.I,
)
# "GP = £200,000", "-> 5,000 units", "→ £6,000 per year": a figure worked out from others
WORKED_FIGURE = lazy_regex(r"(?:=|->|\u2192)\s*[\u00a3$\u20ac]?\s*[-\u2212]?\d")
# "Tips", "Top tips", "Paper 2 tips", not "Root tip squash": a heading about tips, not one naming
# a thing by its tip
_TIPS = r"^\W*(?:(?:top|quick|useful|my|some|more|final|\d+)\s+)?tips?\b|\btips\W*$"
# "EXAM TIPS", "ESSAY TECHNIQUE (don't forget!!)", "Why did they win? (essay plan)", "To do",
# "KEY ARGUMENTS (for 25 mark essay)", "Essay themes": a section that coaches the reader or plans
# their work; nothing under it is a fact of the subject.
ADVICE_SECTION = lazy_regex(
    r"\b(?:(?:exam|essay|revision|study|answer|question)\s+(?:techniques?|tips?|skills?|plans?"
    r"|advice|strateg(?:y|ies))|essay\s+plans?"
    r"|essay\s+(?:themes?|arguments?|points?|ideas?|questions?)"
    r"|for\s+(?:an?\s+|the\s+)?(?:\d+[-\s]?mark(?:er)?s?\s+)?(?:essays?|exam\s+questions?)"
    r"|\d+[-\s]?mark(?:er)?s?\s+(?:essays?|questions?))\b|^\W*to[\s-]?do\b"
    rf"|{_TIPS}",
    re.I,
)
# "EXAM TECHNIQUE -> don't just narrate!!", "*** EXAM TIP 2: ...": such a heading run into the
# line it opens
ADVICE_LEAD = lazy_regex(
    rf"^\W*(?:{ADVICE_SECTION.pattern})(?:\s*\d{{1,2}})?\s*(?:->|=>|[:=\u2192]|\s[-\u2013\u2014]\s)",
    re.I,
)
SECOND_PERSON = lazy_regex(r"\b(?:you|your|yours|yourself|yourselves|you're|you'll)\b", re.I)
# The words an exam question opens on. An essay's ask to weigh something up ...
ESSAY_COMMANDS = r"to\s+what\s+extent|how\s+far|evaluate|discuss|assess|analy[sz]e|compare|examine"
# ... and an ask for a fact or an account ("Define osmosis", "Describe ..."): either way, a line
# opening on one tells the reader what to do.
COMMANDS = (
    rf"{ESSAY_COMMANDS}|explain|describe|outline|state|give|list|identify|suggest|justify|define"
    r"|calculate"
)
# A line that opens by telling the reader what to do: "Remember ...", "Explain why ...".
INSTRUCTION = lazy_regex(
    r"^(?:remember|make\s+sure|don't|do\s+not\s+forget|try\s+to|be\s+sure|tips?\b|hints?\b"
    r"|note\s+that|nb\b|add\s+an?\b|insert\b|todo\b|see\s+(?:above|below)|\[[ xX]?\]"
    r"|(?:example|sample|practice|exam)\s+questions?\b"
    rf"|(?:{COMMANDS})\s)",
    re.I,
)

# "My view: ...", "IMO ...", "personally I think ...": the writer's own opinion, not the subject's.
OPINION = lazy_regex(
    r"^\W*(?:my\s+(?:own\s+)?(?:view|opinion|thoughts?|take|verdict)\b|imo\b|imho\b"
    r"|in\s+my\s+(?:view|opinion)\b|personally\b"
    r"|i\s+(?:think|feel|believe|reckon|agree|disagree|(?:would|'d)\s+(?:say|argue))\b)",
    re.I,
)

MAX_THING_WORDS = 5  # "Memory palace technique allows you ...": a thing's name before its verb
# "Recall helps you ...", "Sleep can let you ...": what a thing does for the reader.
_DOES_FOR_READER = lazy_regex(
    r"^(?:(?:can|could|will|may|might)\s+)?(?:helps?|allows?|enables?|lets?|teaches|teach"
    r"|encourages?)\s+(?:you|your)\b",
    re.I,
)


def _said_of_a_thing(text: str) -> bool:
    """ "Recall helps you better understand the material": a claim about recall that names the
    reader only as the one it helps, not advice. "You can ...", "Try ...": advice."""
    from revise.generation.grammar import lemmas

    tokens = text.split()
    if not tokens or not tokens[0][:1].isupper() or SECOND_PERSON.match(tokens[0]):
        return False
    first = tokens[0].casefold()
    if first in lemmas(first).get("VERB", ()) and not lemmas(first).get("NOUN"):
        return False  # "Try recalling ...": an order
    for index in range(1, min(len(tokens), MAX_THING_WORDS + 1)):
        if not tokens[index - 1].isalpha() or SECOND_PERSON.fullmatch(tokens[index - 1]):
            return False
        if _DOES_FOR_READER.match(" ".join(tokens[index:])):
            return True
    return False


INSTRUCTED = "an instruction to the reader, not a fact"


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def not_content(text: str) -> str:
    """Why a line is no fact of the subject ("advice to the reader", ...), or "" if it is one."""
    if META_LABEL.match(text):
        return "a tip, note or example label, not a fact"
    if MARKS.search(text):
        return "mark-scheme levels or marks, not a fact"
    if any(shape.search(text) for shape in NOTE_TO_SELF):
        return "a note to the writer, not a fact"
    if EXAM_WORDS.search(text):
        return "about the exam or the notes, not the subject"
    if COMES_UP.search(text):
        return "about the exam or the notes, not the subject"
    if COURSE_LEVEL.search(text) and COURSE_PART.search(text):
        return "the course the notes are for, not a fact"
    if SECOND_PERSON.search(text) and not _said_of_a_thing(text):
        return "advice to the reader, not a fact"
    if INSTRUCTION.match(text):
        return INSTRUCTED
    if OPINION.match(text):
        return "the writer's own opinion, not a fact"
    return ""
