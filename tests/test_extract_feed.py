"""The feed importer: RSS 0.91/1.0/2.0 and Atom entries, and hostile XML (issues 6 and 8, row 9)."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext, extract
from newsarchive.extract.feed import html_to_paragraphs
from newsarchive.model import Article

from .conftest import FIXTURES

FEEDS = FIXTURES / "feed"


def run(data: bytes, path: str = "feed.xml") -> list[Article | BadInputError]:
    return list(extract("feed", data, ExtractContext(path=path)))


def test_rss2_entry_takes_full_content_and_its_metadata():
    first = run((FEEDS / "rss2.xml").read_bytes())[0]
    assert first.title == "Bridge reopens after flood repairs"
    assert first.source == "The Valley Courier"
    assert first.url == "https://valley-courier.example/2024/02/bridge-reopens"
    assert first.published == "2024-02-13"
    assert first.authors == ["Anwen Price"]
    assert first.tags == ["transport", "floods"]
    assert first.language == "en"
    assert first.headings == ["Weight limit stays"]
    assert first.subtitle == "The stone bridge at Llanfair is open to traffic again."
    assert first.body.split("\n\n") == [
        "The stone bridge at Llanfair reopened to cars on Monday morning, four months after floodwater washed away "
        "part of its southern parapet and undermined one of the piers.",
        "Weight limit stays",
        "Engineers have kept a seven-tonne weight limit in place until the new pier footing has settled, so lorries "
        "will still use the bypass for now.",
        "Local shops said trade had fallen by a third while the bridge was shut.",
        "The council has promised a small grant for the worst affected.",
    ]
    assert "alert" not in first.body


def test_summary_is_the_body_when_there_is_no_content_and_email_authors_give_names():
    second = run((FEEDS / "rss2.xml").read_bytes())[1]
    assert second.body.startswith("The village male voice choir took first place")
    assert "<p>" not in second.body
    assert second.authors == ["Rhys Morgan"]


def test_entry_without_title_is_named_by_its_first_words_and_one_without_content_is_reported():
    items = run((FEEDS / "rss2.xml").read_bytes(), "valley.xml")
    assert items[2].title.startswith("A late frost is expected across the high farms")
    error = items[3]
    assert isinstance(error, BadInputError)
    assert "entry 4" in error.message and error.path == "valley.xml"
    assert len(items) == 4


def test_atom_entry():
    [entry] = run((FEEDS / "atom.xml").read_bytes())
    assert entry.title == "La passerelle enfin réparée"
    assert entry.authors == ["Claire Dubois", "Marc Lefèvre"]
    assert entry.published == "2024-02-28"
    assert entry.language == "fr"
    assert entry.tags == ["travaux"]
    assert entry.body.startswith("Après six semaines de travaux")
    assert entry.origin["feed_entry_id"] == "tag:riverain.example,2024:passerelle"


@pytest.mark.parametrize(("name", "title"), [("rss1.rdf", "Old quarry becomes a nature reserve"), ("rss091.xml", "Café on the green changes hands")])
def test_rss_1_0_and_0_91(name, title):
    [entry] = run((FEEDS / name).read_bytes())
    assert entry.title == title and entry.body and entry.source


def test_xxe_pointing_at_a_local_file_reads_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>T &x;</title><item><title>A &x;</title>'
        "<description>body &x; here and more words</description></item></channel></rss>"
    ).encode()
    with pytest.raises(BadInputError) as caught:
        run(feed)
    assert "entities" in caught.value.message
    assert "TOP-SECRET-MARKER" not in str(caught.value)


def test_xxe_with_etc_passwd_even_if_the_prescreen_were_bypassed():
    """feedparser itself must not resolve external entities either (defence in depth)."""
    import feedparser

    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>T</title><item><title>A &x;</title><description>b &x;</description></item></channel></rss>'
    )
    parsed = feedparser.parse(feed)
    assert "root:" not in str(parsed)


def test_billion_laughs_is_refused_quickly_in_bounded_memory():
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
        '<rss version="2.0"><channel><title>T</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>'
    ).encode()
    tracemalloc.start()
    started = time.process_time()
    with pytest.raises(BadInputError):
        run(feed)
    elapsed = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1
    assert peak < 10 * 1024 * 1024


def test_utf16_feed_with_entities_is_refused_too():
    feed = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"><channel><title>T</title></channel></rss>'
    with pytest.raises(BadInputError):
        run(feed.encode("utf-16"))


def test_a_doctype_without_entities_is_fine():
    [entry] = run((FEEDS / "rss091.xml").read_bytes())
    assert entry.title.startswith("Café")


@pytest.mark.parametrize("data", [b"", b"just some words", b"<html><body><p>hello</p></body></html>", b"\x00\xff" * 40])
def test_what_is_no_feed_is_bad_input(data):
    with pytest.raises(BadInputError):
        run(data)


def test_html_to_paragraphs():
    assert html_to_paragraphs("<p>One <b>two</b></p><h3>Sub</h3>three<br>four<br/><br>five<script>x</script>") == (
        ["One two", "Sub", "three four", "five"],
        ["Sub"],
    )
    assert html_to_paragraphs("plain\n\nparagraphs\nhere") == (["plain", "paragraphs here"], [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_hostile_bytes_never_raise_anything_but_bad_input(data):
    original = (FEEDS / data.draw(st.sampled_from(["rss2.xml", "atom.xml", "rss1.rdf", "rss091.xml"]))).read_bytes()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 200)))
    mutated = original[:start] + data.draw(st.binary(max_size=40) | st.text(max_size=40).map(str.encode)) + original[end:]
    try:
        for item in run(mutated):
            if isinstance(item, Article):
                assert item.title.strip() and item.body.strip()
    except BadInputError:
        pass


def test_character_references_to_lone_surrogates_do_not_sink_the_feed():
    """Issue 8, row 11: a lone surrogate must never reach the archive (JSON cannot store it)."""
    import orjson

    feed = (
        b'<rss version="2.0"><channel><title>T&#xD800;</title><item><title>A&#xDC00;b</title>'
        b"<description>body &#55296; text with enough words to be an entry</description></item></channel></rss>"
    )
    [entry] = run(feed)
    orjson.dumps(entry.to_record())
    assert entry.title == "A\ufffdb"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Tue, 13 Feb 2024 23:45:00 -0500", "2024-02-13"),
        ("2024-02-28T23:30:00-08:00", "2024-02-28"),
        ("Wed, 14 Feb 2024 00:15:00 +0100", "2024-02-14"),
    ],
)
def test_publication_date_is_the_publishers_day_not_utcs(written, expected):
    feed = (
        '<rss version="2.0"><channel><title>T</title><item><title>Late news</title>'
        f"<pubDate>{written}</pubDate><description>Filed late in the evening, local time.</description></item></channel></rss>"
    ).encode()
    assert run(feed)[0].published == expected


def test_lines_blog_software_appends_are_dropped():
    from newsarchive.extract.feed import drop_feed_furniture

    story = "The regatta was cancelled for the second year running because of high winds on the estuary."
    assert drop_feed_furniture([story, "The post Regatta cancelled appeared first on Estuary News."]) == [story]
    assert drop_feed_furniture([story + " [\u2026]"]) == [story]
    assert drop_feed_furniture([story, "Continue reading \u2192"]) == [story]
    assert drop_feed_furniture([story, "Read more about the regatta"]) == [story]
    # Only closing furniture goes: the same words inside the story stay.
    assert drop_feed_furniture(["Read more books, said the librarian, and the town listened.", story]) == [
        "Read more books, said the librarian, and the town listened.",
        story,
    ]


def test_an_external_dtd_is_never_fetched(monkeypatch):
    """Issue 8, row 9: no network, whatever the DOCTYPE points at."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the feed importer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://192.0.2.1/evil.dtd">'
        b'<rss version="2.0"><channel><title>T</title><item><title>Pier lights</title>'
        b"<description>The pier lights are back on after the winter repairs.</description></item></channel></rss>"
    )
    [entry] = run(feed)
    assert entry.title == "Pier lights"
