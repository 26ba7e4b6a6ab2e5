"""The sample pages and their expectations: the text-page importer must read each one exactly.

Every page in `data/`, every language page under `tests/fixtures/text/languages/` and every
encoding variant under `tests/fixtures/text/encodings/` has an expectation in the seed's
expected.json schema (issue 3, part 4; issue 4, languages). These files are the specification
the engine is built to, so each test reports every difference at once, naming the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.model import Article, count_words, is_iso_date

from .conftest import FIXTURES, ROOT

DATA = ROOT / "data"
TEXT = FIXTURES / "text"
EXPECTED = TEXT / "expected"
LANGUAGES = TEXT / "languages"
ENCODINGS = TEXT / "encodings"

# Fields compared for equality; `site` is matched loosely through `site_contains`.
EXACT_FIELDS = ("title", "subtitle", "published", "source", "section", "reviewer", "authors", "language")
LANGUAGE_CODES = ("de", "fr", "es", "it", "pt", "nl")
ENCODING_FILES = ("utf8-bom.txt", "utf16-bom.txt", "utf16le-nobom.txt", "cp1252.txt", "mojibake.txt")


@dataclass(frozen=True)
class Case:
    """One page and the expectation it must meet."""

    page: Path
    expectation: Path

    @property
    def name(self) -> str:
        return self.page.relative_to(ROOT).as_posix()

    def expected(self) -> dict[str, Any]:
        return json.loads(self.expectation.read_text(encoding="utf-8"))


def collect_cases() -> list[Case]:
    cases = [Case(DATA / json.loads(p.read_text("utf-8"))["file"], p) for p in sorted(EXPECTED.glob("*.json"))]
    cases += [Case(LANGUAGES / json.loads(p.read_text("utf-8"))["file"], p) for p in sorted(LANGUAGES.glob("*.json"))]
    encodings = ENCODINGS / "expected.json"
    if encodings.exists():
        cases += [Case(ENCODINGS / name, encodings) for name in json.loads(encodings.read_text("utf-8"))["files"]]
    return cases


CASES = collect_cases()


def extract_page(path: Path) -> Article:
    """The one Article the text importer finds in the page; fails the test otherwise."""
    from newsarchive.extract.textpage import extract_text_file

    results = list(extract_text_file(path.read_bytes(), ExtractContext(path=str(path))))
    errors = [r for r in results if isinstance(r, BadInputError)]
    articles = [r for r in results if isinstance(r, Article)]
    assert not errors, f"{path.name}: the importer reported {[str(e) for e in errors]}"
    assert len(articles) == 1, f"{path.name}: expected one article, got {len(articles)}"
    return articles[0]


def short(text: str, limit: int = 90) -> str:
    """Text cut down for a failure message."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def differences(article: Article, expected: dict[str, Any]) -> list[str]:
    """Every way the article departs from the expectation, one sentence each."""
    fields = expected["fields"]
    found: list[str] = []
    for name in EXACT_FIELDS:
        if name in fields and getattr(article, name) != fields[name]:
            found.append(f"{name}: expected {fields[name]!r}, got {getattr(article, name)!r}")
    key = fields["site_contains"].lower()
    if not isinstance(article.site, str) or key not in article.site.lower():
        found.append(f"site: expected a value containing {key!r}, got {article.site!r}")

    body = article.body or ""
    if not body.startswith(expected["body_starts_with"]):
        found.append(f"body should start {short(expected['body_starts_with'])}, starts {short(body[:90])}")
    if not body.rstrip().endswith(expected["body_ends_with"]):
        found.append(f"body should end {short(expected['body_ends_with'])}, ends {short(body.rstrip()[-90:])}")
    found += [f"body lacks {short(s)}" for s in expected["body_contains"] if s not in body]
    found += [f"body keeps furniture {short(s)}" for s in expected["body_excludes"] if s in body]
    if "\n\n\n" in body:
        found.append("body has more than one blank line between paragraphs")
    if article.headings != expected["headings"]:
        found.append(f"headings: expected {expected['headings']!r}, got {article.headings!r}")

    low, high = expected["word_count_range"]
    words = count_words(body)
    if not low <= words <= high:
        found.append(f"word count {words} is outside {low}..{high}")
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_page_extracts_as_expected(case: Case) -> None:
    problems = differences(extract_page(case.page), case.expected())
    assert not problems, f"{case.name} ({case.expectation.name}):\n  " + "\n  ".join(problems)


def test_every_encoding_gives_the_same_record() -> None:
    """The same page saved six ways must give one and the same record, not merely a passing one."""
    reference = extract_page(ENCODINGS / "utf8.txt").to_record()
    for name in ENCODING_FILES:
        record = extract_page(ENCODINGS / name).to_record()
        differing = [key for key in ("title", "subtitle", "authors", "published", "site", "section", "body", "headings")
                     if record[key] != reference[key]]
        assert not differing, f"encodings/{name} differs from utf8.txt in {differing}"


# The sample set itself: these hold whatever state the engine is in.

def test_data_has_enough_pages_each_with_an_expectation() -> None:
    pages = sorted(DATA.iterdir())
    assert all(p.suffix == ".txt" and p.is_file() for p in pages), "data/ holds only .txt pages"
    assert len(pages) >= 12, f"data/ has {len(pages)} pages; the quick start wants at least 12"
    expected_files = {json.loads(p.read_text("utf-8"))["file"] for p in EXPECTED.glob("*.json")}
    missing = [p.name for p in pages if p.name not in expected_files]
    assert not missing, f"pages without an expectation in {EXPECTED}: {missing}"
    orphans = sorted(f for f in expected_files if not (DATA / f).exists())
    assert not orphans, f"expectations for pages that are not in data/: {orphans}"


def test_every_language_has_a_page() -> None:
    for code in LANGUAGE_CODES:
        expected = json.loads((LANGUAGES / f"{code}.json").read_text("utf-8"))
        assert (LANGUAGES / expected["file"]).exists(), f"languages/{expected['file']} is missing"
        assert expected["fields"]["language"] == code, f"languages/{code}.json names another language"


def test_encoding_variants_are_what_their_names_say() -> None:
    raw = {name: (ENCODINGS / name).read_bytes() for name in ("utf8.txt", *ENCODING_FILES)}
    assert raw["utf8-bom.txt"].startswith(b"\xef\xbb\xbf")
    assert raw["utf16-bom.txt"][:2] in (b"\xff\xfe", b"\xfe\xff")
    assert raw["utf16le-nobom.txt"][1:2] == b"\x00" and raw["utf16le-nobom.txt"][:2] not in (b"\xff\xfe", b"\xfe\xff")
    cp1252 = raw["cp1252.txt"]
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    assert "’".encode("cp1252") in cp1252 and "é".encode("cp1252") in cp1252
    assert "â€™" in raw["mojibake.txt"].decode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_expectation_is_well_formed(case: Case) -> None:
    """An expectation that contradicts itself or the page would make its test unfair."""
    expected = case.expected()
    fields = expected["fields"]
    assert expected["format"] == "text" and case.page.exists(), case.name
    assert fields["published"] is None or is_iso_date(fields["published"]), case.name
    assert all(isinstance(a, str) and a for a in fields["authors"]), case.name
    assert fields["site_contains"] == fields["site_contains"].lower(), case.name
    low, high = expected["word_count_range"]
    assert 0 < low <= high, case.name
    if case.page.parent == DATA:
        assert low <= 900 and high >= 300, f"{case.name}: a data page has 300-900 words of body"
    kept = [expected["body_starts_with"], expected["body_ends_with"], *expected["body_contains"], *expected["headings"]]
    clashes = [(x, k) for x in expected["body_excludes"] for k in kept if x in k]
    assert not clashes, f"{case.name}: furniture that is also required text: {clashes}"
    # Required text comes from the page (decoded, line ends and the mojibake aside).
    if case.page.name == expected["file"]:
        page = re.sub(r"\s+", " ", case.page.read_text(encoding="utf-8"))
        absent = [k for k in kept + [fields["title"]] if re.sub(r"\s+", " ", k) not in page]
        assert not absent, f"{case.name}: expected text not on the page: {absent}"
