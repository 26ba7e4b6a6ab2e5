"""BibTeX: one `@article` per article with a source (journal = the source), else `@misc`.

Fields: title, author ("Family, Given and ..."), journal or howpublished, date, year,
month, url, urldate (the day it was imported, i.e. accessed), abstract, keywords, language.
Values are brace-delimited with LaTeX's special characters escaped, so a hostile title can
neither close the entry early nor inject commands. Keys are unique and ASCII-only.
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
# Order matters only in that the backslash goes in one pass with the rest (no re-escaping).
_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
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
    return "".join(_LATEX_ESCAPES.get(ch, ch) for ch in text)


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

    add("title", escape_latex(text_of(record, "title")))
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
