"""How much a card may ask and answer (CARDS.md), for the code that drafts cards and the checker."""

MAX_ANSWER_WORDS = 12  # an answer is a name, a date, a number or a short phrase
# What a term means is asked whole, as the notes define it, up to a sentence of this length
MAX_DEFINITION_WORDS = 25
MAX_DEFINITION_COMMAS = 2  # a longer run of parts is a list of features, no one meaning
MAX_LIST_ITEMS = 4  # a list is its own card only where the list is the fact, and this short
MAX_CLOZE_WORDS = 5  # a cloze hides a term, a name or a figure, not a phrase
MAX_CLOZE_CHARS = 40
