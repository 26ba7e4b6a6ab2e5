"""BibTeX: one `@article` per article with a source (journal = the source), else `@misc`.

Fields: title, author ("Family, Given and ..."), journal or howpublished, date, year,
month, url, urldate (the day it was imported, i.e. accessed), abstract, keywords, language.
Values are brace-delimited with LaTeX's special characters escaped (braces as commands, so
they always balance), so a hostile title can neither close the entry early nor inject
commands. Capitalised words in titles are braced to keep their case. Keys are unique and ASCII-only.
"""

from __future__ import annotations

from typing import Any, Sequence

from newsarchive.export.fields import (
    citation_keys,
    date_parts,
    import_date,
    list_of,
    split_name,
    text_of,
    web_url,
)
from newsarchive.export.escapes import clean_terminal_text

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Mapped one character at a time, so the backslashes these add are never escaped again.
_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def escape_latex(text: str) -> str:
    """Text safe inside a brace-delimited BibTeX value: one line, specials escaped."""
    text = " ".join(clean_terminal_text(text).split())
    paired = _paired_braces(text)
    out = []
    for at, ch in enumerate(text):
        if ch in "{}":
            # Classic BibTeX counts braces even after a backslash, so only braces that pair
            # up may be written \{ \}; a lone one becomes a command with no bare brace.
            if at in paired:
                out.append("\\" + ch)
            else:
                out.append(r"\textbraceleft{}" if ch == "{" else r"\textbraceright{}")
        else:
            out.append(_LATEX_ESCAPES.get(ch, ch))
    return "".join(out)


def _paired_braces(text: str) -> set[int]:
    """Positions of the braces in `text` that close or are closed by another."""
    paired: set[int] = set()
    opened: list[int] = []
    for at, ch in enumerate(text):
        if ch == "{":
            opened.append(at)
        elif ch == "}" and opened:
            paired.update((opened.pop(), at))
    return paired


def protect_capitals(escaped_title: str) -> str:
    """Words with a capital after their first letter (CCSVI, UK, iPhone) wrapped in braces.

    Bibliography styles lower-case article titles ("Ccsvi for ms in the uk"); braces are
    how BibTeX is told to keep a word's case, as Zotero and JabRef write them too.
    """
    def protect(word: str) -> str:
        letters = [ch for ch in word if ch.isalpha()]
        needs = len(letters) > 1 and any(ch.isupper() for ch in letters[1:])
        # A word holding half of an escaped pair (\{ or \}) is left as is: bracing it would
        # pair BibTeX's brace count differently from LaTeX's.
        return f"{{{word}}}" if needs and "\\{" not in word and "\\}" not in word else word

    return " ".join(protect(word) for word in escaped_title.split(" "))


def bibtex_name(name: str) -> str:
    """A person as "Family, Given"; a name holding " and " is braced so it stays one."""
    family, given = split_name(name)
    escaped = escape_latex(f"{family}, {given}" if given else family)
    return f"{{{escaped}}}" if " and " in f" {escaped.lower()} " else escaped


def _url_value(url: str) -> str:
    # URLs go in verbatim (biblatex reads them so); only what would unbalance the braces
    # is percent-encoded.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_entry(record: dict[str, Any], key: str) -> str:
    """One entry, ending in a newline."""
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str, *, braced: bool = True) -> None:
        if value:
            fields.append((name, f"{{{value}}}" if braced else value))

    add("title", protect_capitals(escape_latex(text_of(record, "title"))))
    add("author", " and ".join(bibtex_name(a) for a in list_of(record, "authors")))
    source = text_of(record, "source")
    if source:
        entry_type = "article"
        add("journal", escape_latex(source))
    else:
        entry_type = "misc"
        add("howpublished", escape_latex(text_of(record, "site")))
    parts = date_parts(record.get("published"))
    if parts:
        year, month, _ = parts
        add("date", text_of(record, "published")[:10])
        add("year", str(year))
        add("month", MONTH_MACROS[month - 1], braced=False)
    if url := web_url(record.get("url")):
        add("url", _url_value(url))
    add("urldate", import_date(record) or "")
    add("abstract", escape_latex(text_of(record, "subtitle")))
    add("keywords", escape_latex(", ".join(list_of(record, "tags"))))
    add("language", escape_latex(text_of(record, "language")))
    lines = [f"@{entry_type}{{{key},"]
    lines.extend(f"  {name} = {value}," for name, value in fields)
    lines.append("}")
    return "\n".join(lines) + "\n"


def export_bibtex(records: Sequence[dict[str, Any]]) -> str:
    """Every article as a BibTeX entry, separated by blank lines."""
    records = list(records)
    return "\n".join(bibtex_entry(r, k) for r, k in zip(records, citation_keys(records)))
