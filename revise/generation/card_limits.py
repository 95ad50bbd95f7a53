"""How much a card may ask and answer (CARDS.md), for the code that drafts cards and the checker."""

MAX_ANSWER_WORDS = 12  # an answer is a name, a date, a number or a short phrase
MAX_LIST_ITEMS = 4  # a list is its own card only where the list is the fact, and this short
MAX_CLOZE_WORDS = 5  # a cloze hides a term, a name or a figure, not a phrase
MAX_CLOZE_CHARS = 40
