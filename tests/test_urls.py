"""canonical_url: the same address spelled many ways comes out once (issue 6, item 7)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsarchive.extract.urls import canonical_url


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        ("HTTPS://Example.COM/News/Story/", "https://example.com/News/Story"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&utm_medium=y&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?fbclid=abc&gclid=d&mc_eid=e&UTM_Campaign=z", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/", "https://example.com"),
        ("https://[2001:DB8::1]:8080/x/", "https://[2001:db8::1]:8080/x"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_canonical_url(given_url, expected):
    assert canonical_url(given_url) == expected


def test_variants_of_one_story_meet():
    variants = [
        "https://news.example.org/2024/05/story.html",
        "https://NEWS.example.org/2024/05/story.html?utm_source=twitter#top",
        "https://news.example.org:443/2024/05/story.html?fbclid=IwAR0",
    ]
    assert len({canonical_url(v) for v in variants}) == 1


def test_meaningful_query_and_path_case_are_kept():
    assert canonical_url("https://example.com/Story?page=2") != canonical_url("https://example.com/story?page=2")
    assert canonical_url("https://example.com/story?page=2") != canonical_url("https://example.com/story?page=3")


@pytest.mark.parametrize("text", ["not a url", "", "/relative/path", "https://example.com:99999/x"])
def test_non_urls_come_back_trimmed(text):
    assert canonical_url(f" {text} ") == text


@given(st.text(max_size=80))
def test_never_raises_and_is_idempotent(text):
    once = canonical_url(text)
    assert canonical_url(once) == once
