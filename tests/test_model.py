"""The Article record: field names and order, validation messages, word counts, ids."""

from hypothesis import given
from hypothesis import strategies as st

from newsarchive.model import (
    RECORD_FIELDS,
    Article,
    count_words,
    make_id,
    normalise_tags,
    validate_record,
)


def make(**fields) -> Article:
    return Article(**{"title": "A title", "body": "Some body text here.", **fields})


def test_record_has_exactly_the_design_fields_in_order():
    record = make(id="abc").to_record()
    assert tuple(record) == RECORD_FIELDS
    assert record["word_count"] == 4


def test_extra_and_history_are_kept_after_the_contract_fields():
    record = make(id="x", extra={"wire": "AP"}).to_record()
    assert list(record)[-1] == "extra"
    assert Article.from_record(record).extra == {"wire": "AP"}


def test_from_record_ignores_unknown_keys_and_derives_word_count():
    record = {**make(id="x").to_record(), "body_hash": "ff", "word_count": 999}
    assert Article.from_record(record).word_count == 4


def test_a_valid_record_has_no_problems():
    assert validate_record(make(id="abc", published="2010-10-12", tags=["ms"]).to_record()) == []


def test_validation_names_every_problem():
    record = make(id="", published="12/10/2010", tags=["MS", "ms"]).to_record()
    record["title"] = " "
    problems = validate_record(record)
    assert "id is missing or empty" in problems
    assert "title is missing or empty" in problems
    assert "published must be a date as YYYY-MM-DD, not '12/10/2010'" in problems
    assert "tags must be lower-case and unique" in problems


def test_impossible_dates_are_refused():
    assert validate_record(make(id="a", published="2010-02-30").to_record())


def test_word_count_counts_hyphenated_and_apostrophe_words_once():
    assert count_words("It’s a well-known fact — 85,000 people.") == 6


def test_tags_are_lowercased_trimmed_and_unique_in_order():
    assert normalise_tags([" MS ", "ms", "Multiple  Sclerosis", ""]) == ["ms", "multiple sclerosis"]


def test_ids_are_short_stable_and_content_derived():
    a, b = make(), make()
    assert make_id(a) == make_id(b)
    assert len(make_id(a)) == 12
    assert make_id(make(body="Other text.")) != make_id(a)


def test_ids_ignore_spacing_and_case_differences():
    assert make_id(make(body="Some  BODY text here")) == make_id(make())


def test_a_taken_id_is_never_reused():
    article = make()
    first = make_id(article)
    second = make_id(article, {first})
    third = make_id(article, {first, second})
    assert len({first, second, third}) == 3
    assert second.startswith(first)


@given(st.text(min_size=1), st.text(min_size=1))
def test_make_id_is_deterministic_for_any_text(title, body):
    assert make_id(Article(title=title, body=body)) == make_id(Article(title=title, body=body))
