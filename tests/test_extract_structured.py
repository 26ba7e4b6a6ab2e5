"""Structured dumps: JSON, JSON Lines and CSV, mapped by name with aliases."""

import pytest

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.structured import article_from_mapping, extract_csv, extract_json, extract_jsonl
from newsarchive.model import Article
from tests.conftest import FIXTURES

STRUCTURED = FIXTURES / "structured"


def run(extractor, name: str) -> list:
    path = STRUCTURED / name
    return list(extractor(path.read_bytes(), ExtractContext(path=str(path))))


def test_json_array_maps_aliases_case_insensitively_and_keeps_unknown_keys():
    first, second = run(extract_json, "articles.json")
    assert first.title == "Harbour wall repairs finish early"
    assert first.body.startswith("Engineers finished") and "\n\nThe council said" in first.body
    assert first.published == "2019-05-02"
    assert first.authors == ["Mara Quill", "Tom Abery"]
    assert first.tags == ["harbour", "council"]
    assert first.extra == {"wire_id": "HX-19"}
    assert second.published == "2021-03-04"
    assert second.url.startswith("https://Example.com/story/")


def test_a_single_object_or_an_articles_wrapper_is_accepted():
    one = b'{"title": "T", "body": "B b b."}'
    wrapped = b'{"articles": [{"title": "T", "body": "B b b."}]}'
    for data in (one, wrapped):
        (article,) = extract_json(data, ExtractContext(path="x.json"))
        assert article.title == "T"


def test_json_of_the_wrong_shape_is_refused_with_the_reason():
    with pytest.raises(BadInputError, match="expected a JSON array of articles or one article object, found a int"):
        list(extract_json(b"42", ExtractContext(path="x.json")))
    (error,) = extract_json(b'[["not", "an", "object"]]', ExtractContext(path="x.json"))
    assert isinstance(error, BadInputError)
    assert "item 0: expected an object" in str(error)


def test_jsonl_reports_the_broken_line_and_keeps_the_rest():
    results = run(extract_jsonl, "articles.jsonl")
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, BadInputError)]
    assert [a.title for a in articles] == ["First line story", "Third line story"]
    assert articles[1].tags == ["local"]
    assert len(errors) == 1 and errors[0].line == 2
    assert str(errors[0]).endswith("articles.jsonl:2: not valid JSON: " + errors[0].message.split(": ", 1)[1])


def test_csv_sniffs_the_delimiter_and_unquotes_cells():
    first, second = run(extract_csv, "articles.csv")
    assert first.title == "Tide gauge upgraded"
    assert first.body == 'The tide gauge at the pier now reports every minute, "in real time".'
    assert first.source == "Coast Courier"
    assert second.published == "2020-01-15"


def test_csv_without_a_title_column_is_refused_naming_the_columns():
    with pytest.raises(BadInputError, match=r"the CSV header has no title column \(columns: label, text\)"):
        run(extract_csv, "no-title.csv")


def test_a_record_without_body_or_title_names_what_was_looked_for():
    with pytest.raises(BadInputError, match="no body text"):
        article_from_mapping({"title": "T"}, path="p", line=3)
    with pytest.raises(BadInputError, match="no title"):
        article_from_mapping({"body": "B"}, path="p", line=3)


def test_body_given_as_a_list_of_paragraphs():
    article = article_from_mapping({"title": "T", "content": ["One.", "Two."]}, path="p")
    assert article.body == "One.\n\nTwo."


@pytest.mark.parametrize("payload", [b"[" * 5000 + b"]" * 5000, b'[{"title": "T", "body": "B", "n": ' + b"9" * 5000 + b"}]"])
def test_hostile_json_is_a_clean_error_or_a_clean_record(payload):
    try:
        results = list(extract_json(payload, ExtractContext(path="h.json")))
    except BadInputError as exc:
        assert "h.json" in str(exc)
    else:
        assert all(isinstance(r, (Article, BadInputError)) for r in results)
