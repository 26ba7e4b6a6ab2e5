"""The registry of output formats, and writing an export to a stream or a directory.

Every format is one module with one function of this shape, named in EXPORTERS as
"module:function":

    def export_x(records: Sequence[dict]) -> str

taking records as `Article.to_record()` gives them and returning the whole output (for
stdout or `-o FILE`). A format whose one-article file is not simply the export of one
record (a JSON object rather than an array; an HTML page linking back to the index) names
that function in ARTICLE_EXPORTERS, and a format that adds pages beside the articles in a
directory (HTML's index) names it in DIRECTORY_INDEXES. Modules are imported only when
their format is used, so adding a format is one module plus one line here.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any, Callable, Sequence

# The registry stays light to import: every terminal view imports this package (for
# `escapes`), so what only file exports need is imported where they use it.
from newsarchive.export.escapes import clean_terminal_text

EXPORTERS: dict[str, str] = {
    "text": "newsarchive.export.text:export_text",
    "md": "newsarchive.export.markdown:export_markdown",
    "html": "newsarchive.export.html:export_html",
    "json": "newsarchive.export.json:export_json",
    "jsonl": "newsarchive.export.jsonl:export_jsonl",
    "csv": "newsarchive.export.csv:export_csv",
    "bibtex": "newsarchive.export.bibtex:export_bibtex",
    "ris": "newsarchive.export.ris:export_ris",
    "csl-json": "newsarchive.export.csl_json:export_csl_json",
}
# Format -> "module:function" taking one record, for a format whose file per article is
# not the export of a one-record list.
ARTICLE_EXPORTERS: dict[str, str] = {
    "html": "newsarchive.export.html:export_html_site_page",
    "json": "newsarchive.export.json:export_json_record",
}
# Format -> "module:function" (records, file names) -> {file name: content}: the pages a
# directory export adds beside the articles.
DIRECTORY_INDEXES: dict[str, str] = {
    "html": "newsarchive.export.html:export_html_site_index",
}
FILE_EXTENSIONS: dict[str, str] = {
    "text": "txt",
    "md": "md",
    "html": "html",
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "bibtex": "bib",
    "ris": "ris",
    "csl-json": "csl.json",
}

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
MAX_ID_LENGTH = 40
MAX_SLUG_LENGTH = 60


def _load(target: str) -> Callable[..., Any]:
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(module_name), function_name)


def exporter_for(fmt: str) -> Callable[[Sequence[dict[str, Any]]], str]:
    """The export function of a format name; KeyError for an unknown one."""
    return _load(EXPORTERS[fmt])


def export_records(fmt: str, records: Sequence[dict[str, Any]]) -> str:
    """The whole export of `records` in format `fmt`, for stdout or a single file."""
    return exporter_for(fmt)(list(records))


def article_filename(record: dict[str, Any], extension: str) -> str:
    """`<id>-<slug>.<ext>`: a plain ASCII file name that cannot leave its directory.

    The id keeps only letters, digits, "_" and "-"; when that changed it (an id holding
    "../" or a slash), a short digest of the real id is added so two such ids still get
    different names. The slug is the title folded to ASCII.
    """
    import hashlib

    from newsarchive.export.fields import ascii_slug, text_of

    raw_id = text_of(record, "id")
    safe_id = _UNSAFE_ID.sub("", raw_id)[:MAX_ID_LENGTH].lstrip("-_")
    if safe_id != raw_id:
        digest = hashlib.sha256(raw_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe_id = f"{safe_id}-{digest}" if safe_id else digest
    # A record with no id at all still gets a visible, ordinary name (never ".html").
    safe_id = safe_id or "article"
    slug = ascii_slug(clean_terminal_text(text_of(record, "title")), MAX_SLUG_LENGTH)
    stem = f"{safe_id}-{slug}" if slug else safe_id
    return f"{stem}.{extension}"


def article_filenames(records: Sequence[dict[str, Any]], extension: str) -> list[str]:
    """`article_filename` for each record, made unique with "-2", "-3"... on a clash."""
    names: list[str] = []
    taken: set[str] = {f"index.{extension}"}
    for record in records:
        name = article_filename(record, extension)
        stem, n = name[: -len(extension) - 1], 2
        while name.lower() in taken:
            name = f"{stem}-{n}.{extension}"
            n += 1
        taken.add(name.lower())
        names.append(name)
    return names


def export_to_directory(fmt: str, records: Sequence[dict[str, Any]], directory: Path) -> list[Path]:
    """Write one file per article into `directory` (created if need be), plus any index.

    Returns the paths written, articles first in the order given. Each file is written to
    a temporary name and renamed into place, so a crash never leaves a half file under a
    final name. Nothing is ever written outside `directory`.
    """
    records = list(records)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    root = directory.resolve()
    extension = FILE_EXTENSIONS[fmt]
    names = article_filenames(records, extension)
    one_article = (
        _load(ARTICLE_EXPORTERS[fmt]) if fmt in ARTICLE_EXPORTERS
        else (lambda record: export_records(fmt, [record]))
    )
    outputs: list[tuple[str, str]] = [(name, one_article(record)) for name, record in zip(names, records)]
    if fmt in DIRECTORY_INDEXES:
        outputs.extend(_load(DIRECTORY_INDEXES[fmt])(records, names).items())
    # Here, not at the top: every terminal view imports this package, and the atomic writer
    # (through `secrets`) would cost each of them some 7 ms.
    from newsarchive.store.atomic import fsync_directory, write_atomically

    written = []
    for name, content in outputs:
        target = _inside(root, name)
        # 0o666 less the umask: the mode any new file of the user's gets.
        write_atomically(target, [content.encode("utf-8")], mode=0o666, sync_folder=False)
        written.append(target)
    try:
        # The renames are durable only once the folder itself is flushed: once, at the end.
        fsync_directory(root)
    except OSError:
        pass  # some filesystems refuse to fsync a folder; the files themselves are written
    return written


def _inside(root: Path, name: str) -> Path:
    """`root / name`, refused if it would land anywhere else."""
    target = root / name
    # Names are built from a safe alphabet already; this is the last line of defence.
    if target.resolve().parent != root or name in ("", ".", ".."):
        raise ValueError(f"refusing to write {name!r} outside {root}")
    return target
