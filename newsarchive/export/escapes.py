"""Escape sequences and control characters: removing what a terminal would act on.

Article titles and bodies come from saved web pages and dumps. Printed raw, an escape
sequence in them could recolour the terminal, retitle the window, plant a hyperlink
(OSC 8) or, on some terminals, answer back; a bidi override could make text read
differently from what it is. `clean_terminal_text` is the one function that removes them.
It lives here, in the core, because the text, Markdown, CSV, citation and HTML exports
write for people too; the terminal views reach it as `newsarchive.render.sanitize`.
"""

from __future__ import annotations

import re

# Whole escape sequences go first, so their parameters ("[31m", "]8;;http://evil") do not
# survive as visible litter once the ESC byte itself is gone. An unterminated string
# sequence loses only its introducer: the text after it stays, printed literally.
_ESCAPE_SEQUENCES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]                  # CSI: colours, cursor movement
    | \x9b[0-?]*[ -/]*[@-~]                    # CSI as a single C1 byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)
                                               # OSC, DCS, SOS, PM, APC with their terminator
    | \x1b[ -/]*[0-~]                          # any other two- or three-byte escape
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls; bidi embeddings, overrides
# (U+202A-U+202E) and isolates (U+2066-U+2069).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_terminal_text(text: str) -> str:
    """`text` with escape sequences, control characters and bidi overrides removed.

    Tabs and newlines stay; a Windows line ending becomes a newline. Everything else that a
    terminal would act on rather than print is dropped, so what is left prints literally.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    text = _ESCAPE_SEQUENCES.sub("", text)
    return _CONTROLS.sub("", text)
