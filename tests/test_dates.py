"""Dates as news pages write them (newsarchive.extract.dates)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.extract.dates import find_dates, guess_dayfirst, is_weekday, parse_date, split_dateline


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12th October 2010", "2010-10-12"),
        ("1st May 2011", "2011-05-01"),
        ("Oct. 12, 2010", "2010-10-12"),
        ("October 12 2010", "2010-10-12"),
        ("Published: July 24th, 2012 at 3:00 pm", "2012-07-24"),
        ("2010-10-12", "2010-10-12"),
        ("2010-10-12T09:30:00+01:00", "2010-10-12"),
        ("2010/10/12", "2010-10-12"),
        ("Updated 3:45 p.m. ET Nov. 19, 2019", "2019-11-19"),
        ("Tue Jul 24 08:25:29 PDT 2012", "2012-07-24"),
        ("Sat 5 Aug 2023 10.00 BST", "2023-08-05"),
        ("Thursday, 21 September 2017, 07:45", "2017-09-21"),
        ("25/12/2010", "2010-12-25"),
        ("12/25/2010", "2010-12-25"),
        # Six other languages
        ("12. Oktober 2010", "2010-10-12"),
        ("3. März 2011", "2011-03-03"),
        ("1er janvier 2010", "2010-01-01"),
        ("14 février 2015", "2015-02-14"),
        ("12 de octubre de 2010", "2010-10-12"),
        ("12 settembre 2012", "2012-09-12"),
        ("5 de março de 2012", "2012-03-05"),
        ("12 maart 2012", "2012-03-12"),
        ("7 mei 2019", "2019-05-07"),
    ],
)
def test_forms(text, iso):
    assert parse_date(text) == iso


def test_the_hint_settles_ambiguous_numeric_dates():
    assert parse_date("12/10/2010", dayfirst=True) == "2010-10-12"
    assert parse_date("12/10/2010", dayfirst=False) == "2010-12-10"
    assert parse_date("12/10/2010") == "2010-12-10"
    # A number above 12 decides whatever the hint says.
    assert parse_date("25/12/2010", dayfirst=False) == "2010-12-25"
    assert parse_date("12.10.10", dayfirst=True) == "2010-10-12"


@pytest.mark.parametrize(
    "text",
    ["October 2010", "31 February 2011", "13/13/2013", "no date here", "page 12 of 2010 results", "2 hours ago", "", "1234567890"],
)
def test_not_dates(text):
    assert parse_date(text) is None


def test_find_dates_gives_every_date_with_its_place():
    text = "Posted 2 May 2019, updated May 3, 2019."
    found = find_dates(text)
    assert [iso for _, _, iso in found] == ["2019-05-02", "2019-05-03"]
    start, end, _ = found[0]
    assert text[start:end] == "2 May 2019"


def test_the_page_tells_which_way_round_it_writes_dates():
    assert guess_dayfirst("Posted 25/06/2012 and 03/04/2012") is True
    assert guess_dayfirst("Posted 06/25/2012 and 03/04/2012") is False
    assert guess_dayfirst("12th October 2010 and 3 May 2011") is True
    assert guess_dayfirst("October 12, 2010") is False
    assert guess_dayfirst("no dates") is None


def test_a_dateline_opening_a_paragraph_is_split_off():
    assert split_dateline("12th October 2010 - The first CCSVI operations") == ("2010-10-12", "The first CCSVI operations")
    assert split_dateline("Oct. 12, 2010 — Voters queued") == ("2010-10-12", "Voters queued")
    assert split_dateline("WASHINGTON - The Senate voted") == (None, "WASHINGTON - The Senate voted")
    sentence = "On 12 October 2010 - a Tuesday - the mill reopened."
    assert split_dateline(sentence) == (None, sentence)


@given(st.text(max_size=200), st.sampled_from([None, True, False]))
def test_parse_date_gives_an_iso_date_or_none(text, dayfirst):
    result = parse_date(text, dayfirst=dayfirst)
    assert result is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", result)


def test_weekday_names_in_each_language_and_their_short_forms():
    """Issue 4: a line that opens with a weekday and a date is a dateline, not a headline
    naming its date; the weekday is told in any language read."""
    for word in ("Monday", "Thu.", "jeudi", "Mittwoch", "sábado", "Miércoles,", "giovedì", "zondag", "terça"):
        assert is_weekday(word), word
    for word in ("Harbour", "March", "Week", "Briefing"):
        assert not is_weekday(word), word


def test_a_year_cut_to_two_digits_after_an_apostrophe():
    """Issue 4: blogs stamp posts "Mar 5th '21 by NAME @ 9:15am"; the year is 2021 (and
    '98 is 1998). An apostrophe before a decade ("the '90s") is no date."""
    assert find_dates("Mar 5th '21 by Ann Fisher @ 9:15am")[0][2] == "2021-03-05"
    assert find_dates("5 March ’98")[0][2] == "1998-03-05"
    assert find_dates("the ferries of the '90s") == []
