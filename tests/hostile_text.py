"""Text that tries to act on the terminal, as a hostile deck or file name would carry it."""

from __future__ import annotations

import re

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef

OSC52 = "\x1b]52;c;aGFja2Vk\x1b\\"  # writes "hacked" to the clipboard
CLEAR = "\x1b[2J"  # wipes the screen
LEAVE_ALTERNATE = "\x1b[?1049l"  # leaves the full-screen view
HIDDEN_LINK = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"  # OSC 8
C1_CSI = "\x9b31m"  # the one-character CSI: red text on terminals that take C1 codes
DEL = "\x7f"
BEL = "\x07"
ZERO_WIDTH = "\u200b\u200d\ufeff"
RIGHT_TO_LEFT = "\u202eevil\u202c \u2067isolated\u2069"

# What the user sees instead: the control pictures (ESC is U+241B) and C1 as an escape.
OSC52_SHOWN = "␛]52;c;aGFja2Vk␛\\"
CLEAR_SHOWN = "␛[2J"
LEAVE_ALTERNATE_SHOWN = "␛[?1049l"
HIDDEN_LINK_SHOWN = "␛]8;;https://evil.example/␛\\click me␛]8;;␛\\"
C1_CSI_SHOWN = "\\x9b31m"

DECK_NAME = f"Evil {OSC52} deck"
DECK_NAME_SHOWN = f"Evil {OSC52_SHOWN} deck"
FRONT = f"Front {CLEAR} {HIDDEN_LINK}\n{ZERO_WIDTH}second line"
BACK = f"Back {LEAVE_ALTERNATE} {C1_CSI} {DEL} {RIGHT_TO_LEFT}"
CONTEXT = f"Context {OSC52}"
SOURCE = f"notes/{CLEAR}.txt"
TAG = f"tag{BEL}"
MEDIA = f"picture{CLEAR}.png"

# Anything that is not plain text on a terminal: C0 and C1 controls, DEL, zero-width and
# bidi formatting characters.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def hostile_deck() -> DeckData:
    return DeckData(
        DECK_NAME,
        [
            NoteData(
                NoteKind.BASIC,
                FRONT,
                BACK,
                context=CONTEXT,
                tags=(TAG,),
                source=SourceRef(SOURCE, 1, 2),
                media=(MEDIA,),
            )
        ],
    )


def unsafe_characters(lines: list[str]) -> list[str]:
    """Each line of terminal output that holds a character that is not plain text."""
    return [repr(line) for line in lines if UNSAFE.search(line)]
