"""CSL-JSON: citations as pandoc, Zotero and citeproc read them (type article-newspaper).

An array of items with id (the citation key, shared with BibTeX and RIS), title,
container-title (the source, else the site), author as family/given, issued and accessed
as date-parts, URL, section, abstract, keyword and language.
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
from newsarchive.export.json import dumps


def csl_author(name: str) -> dict[str, str]:
    """A person as {"family", "given"}; a single word (an agency) as {"literal"}."""
    family, given = split_name(name)
    return {"family": family, "given": given} if given else {"literal": family}


def csl_item(record: dict[str, Any], key: str) -> dict[str, Any]:
    """One CSL-JSON item; empty values are left out."""
    item: dict[str, Any] = {"id": key, "type": "article-newspaper", "title": text_of(record, "title")}
    if container := text_of(record, "source") or text_of(record, "site"):
        item["container-title"] = container
    if authors := list_of(record, "authors"):
        item["author"] = [csl_author(a) for a in authors]
    if parts := date_parts(record.get("published")):
        item["issued"] = {"date-parts": [list(parts)]}
    if accessed := date_parts(import_date(record)):
        item["accessed"] = {"date-parts": [list(accessed)]}
    if url := web_url(record.get("url")):
        item["URL"] = url
    for name, csl_name in (("section", "section"), ("subtitle", "abstract"), ("language", "language")):
        if value := text_of(record, name):
            item[csl_name] = value
    if tags := list_of(record, "tags"):
        item["keyword"] = ", ".join(tags)
    return item


def export_csl_json(records: Sequence[dict[str, Any]]) -> str:
    """All articles as a CSL-JSON array (`[]` when empty)."""
    records = list(records)
    return dumps([csl_item(r, k) for r, k in zip(records, citation_keys(records))], indent=True) + "\n"
