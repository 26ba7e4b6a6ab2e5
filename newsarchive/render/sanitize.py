"""The one gate untrusted text passes before it reaches a terminal: `clean_terminal_text`.

It strips ANSI and OSC escape sequences, C0 and C1 control characters (keeping newline
and tab) and bidi overrides and isolates. The implementation lives in the core
(`newsarchive.export.escapes`) so that exports, which may not import this layer, clean
text with the very same function; views and commands import it from here.
"""

from __future__ import annotations

from newsarchive.export.escapes import clean_terminal_text

__all__ = ["clean_terminal_text"]
