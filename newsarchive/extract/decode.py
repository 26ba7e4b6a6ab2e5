"""Bytes to text: byte-order marks, UTF-16 without one, legacy code pages, and mojibake.

Saved pages arrive in whatever their tool wrote: UTF-8 (with or without a BOM), UTF-16 from
Windows tools, CP1252 or Latin-1 from old crawlers, and UTF-8 that was once decoded as
CP1252 and saved again ("â€™" for "’"). The order of the checks matters: a BOM is
certain, strict UTF-8 is nearly so, and only then do we guess.
"""

from __future__ import annotations

import codecs
import re

import ftfy

from newsarchive.errors import BadInputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-8 read as CP1252/Latin-1 turns a character's lead byte into one of these letters,
# followed by a character from the continuation range (or CP1252's symbols there).
MOJIBAKE_HINT = re.compile("[\u00c2-\u00c3\u00c5\u00ce\u00cf\u00d0-\u00d1\u00d8\u00d9\u00e0-\u00e2\u00e3]"
                           "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                           "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# Share of control characters (other than tab, newline, CR, form feed) above which decoded
# "text" is really binary.
MAX_CONTROL_SHARE = 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII shows NULs in every other byte; say which half."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> str:
    """The encoding we will decode `data` with."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    # charset-normalizer often names a cousin of CP1252 for Western text; CP1252 decodes the
    # curly quotes and dashes that Latin-1 turns into control characters.
    if best is None or best.encoding in {"latin_1", "iso8859_15", "cp1250", "iso8859_2"}:
        return "cp1252"
    return best.encoding


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16 text, or known binary signatures."""
    head = data[:8]
    if head.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    return b"\x00" in data[:8000] and _utf16_without_bom(data) is None and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )


def decode_text(data: bytes, *, path: str = "-", encoding: str | None = None) -> str:
    """Decode `data` to clean text, or raise BadInputError if it is not text at all.

    The result has no BOM, Unix newlines, and mojibake repaired by ftfy.
    """
    if looks_binary(data):
        raise BadInputError("this is a binary file, not text", path=path, hint="import text, HTML, JSON, CSV, WARC or feed files")
    name = encoding or guess_encoding(data)
    try:
        text = data.decode(name, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\f")
    if text and controls / min(len(text), 20000) > MAX_CONTROL_SHARE:
        raise BadInputError("this file holds control characters, not text", path=path)
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as CP1252 or Latin-1 ("â€™" for "’"), line by line.

    ftfy does the repair and leaves correct text alone, but it is slow (milliseconds per
    line), so only lines showing the lead byte of such a sequence go through it: a 400 MB
    dump of clean text costs one regex scan instead of minutes.
    """
    if not MOJIBAKE_HINT.search(text):
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if MOJIBAKE_HINT.search(line):
            lines[number] = ftfy.fix_text(line, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    return "\n".join(lines)
