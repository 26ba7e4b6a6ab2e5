"""RIS: one `TY  - NEWS` ... `ER  - ` reference per article, as Zotero and EndNote read it.

Each value is one line (white space collapsed, control characters removed), so article
text can never start a tag of its own, such as a premature `ER  - `.
"""

from __future__ import annotations

from typing import Any, Sequence

from newsarchive.export.fields import (
    citation_keys,
    date_parts,
    import_date,
    list_of,
    notes_of,
    split_name,
    text_of,
    web_url,
)
from newsarchive.export.escapes import clean_terminal_text


def _one_line(text: str) -> str:
    return " ".join(clean_terminal_text(text).split())


def _ris_date(iso: str) -> str:
    return iso[:10].replace("-", "/")


def ris_reference(record: dict[str, Any], key: str) -> str:
    """One reference, ending with its `ER  - ` line."""
    lines: list[tuple[str, str]] = [("TY", "NEWS"), ("ID", key)]

    def add(tag: str, value: str) -> None:
        if value := _one_line(value):
            lines.append((tag, value))

    add("TI", text_of(record, "title"))
    for author in list_of(record, "authors"):
        family, given = split_name(author)
        add("AU", f"{family}, {given}" if given else family)
    add("T2", text_of(record, "source") or text_of(record, "site"))
    add("SE", text_of(record, "section"))
    if parts := date_parts(record.get("published")):
        add("PY", str(parts[0]))
        add("DA", _ris_date(text_of(record, "published")))
    add("UR", web_url(record.get("url")) or "")
    add("Y2", _ris_date(import_date(record) or ""))
    add("AB", text_of(record, "subtitle"))
    add("LA", text_of(record, "language"))
    for tag in list_of(record, "tags"):
        add("KW", tag)
    for at, text in notes_of(record):
        add("N1", f"{at}: {text}" if at else text)
    body = "\n".join(f"{tag}  - {value}" for tag, value in lines)
    return f"{body}\nER  - \n"


def export_ris(records: Sequence[dict[str, Any]]) -> str:
    """Every article as an RIS reference, separated by blank lines."""
    records = list(records)
    return "\n".join(ris_reference(r, k) for r, k in zip(records, citation_keys(records)))
