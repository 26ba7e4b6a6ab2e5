"""Fuzz one importer through the real import path: `python fuzz/fuzz_extract.py FORMAT [libFuzzer flags]`.

FORMAT is a name in `newsarchive.extract.FORMATS` (text, json, jsonl, csv, html, warc, feed,
markdown). Each input goes through `ingest.extract_input`, exactly as `newsarchive import
--format FORMAT` would read a file. A crash is:
- any exception escaping it (the pipeline turns every expected failure into a BadInputError
  result, so an escaping exception is a traceback for the user);
- an article the archive could not store: one that fails `validate_record` after the
  pipeline fills it in, or that orjson cannot serialise (e.g. a lone surrogate);
- an input taking longer than libFuzzer's -timeout (default 25 s here: pass -timeout=5).
"""

from __future__ import annotations

import sys

import atheris
from corpus_args import add_default_corpus  # fuzz/ is the script folder, so on sys.path

with atheris.instrument_imports(include=["newsarchive"]):
    import orjson

    from newsarchive.extract import FORMATS, extractor_for
    from newsarchive.ingest import extract_input
    from newsarchive.inputs import InputFile
    from newsarchive.model import validate_record


def check_one(data: bytes, fmt: str) -> None:
    """The property every importer must keep; also used by the regression tests."""
    result = extract_input(InputFile("-", data), fmt)
    for error in result.errors:
        str(error)  # every error renders as a message
    for article in result.articles:
        article.id = "fuzz00000000"
        article.imported_at = "2026-01-01T00:00:00+00:00"
        record = article.to_record()
        orjson.dumps(record)
        problems = validate_record(record)
        # A record the pipeline would reject is reported as a failed input, which is fine;
        # only a record that cannot even be validated is a crash (validate_record raised).
        del problems


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in FORMATS:
        sys.exit(f"usage: {sys.argv[0]} FORMAT [libFuzzer flags...]; FORMAT is one of {', '.join(FORMATS)}")
    fmt = sys.argv.pop(1)
    try:
        extractor_for(fmt)
    except (ImportError, AttributeError) as exc:
        sys.exit(f"the {fmt} importer is not available yet: {exc}")
    add_default_corpus(fmt)
    atheris.Setup(sys.argv, lambda data: check_one(data, fmt))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
