"""The WARC/ARC importer: pages found, the rest counted, broken and hostile files bounded (issues 6 and 8)."""

from __future__ import annotations

import gzip
import io
import time
import tracemalloc
import zlib
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext, extract
from newsarchive.extract import warc as warc_module
from newsarchive.model import Article

from .conftest import FIXTURES

WARCS = FIXTURES / "warc"
TITLES = ["New ferry timetable adds late sailings", "Library roof appeal passes its target"]
SKIPPED = Counter({"warcinfo": 1, "request": 1, "non-html": 1, "http-error": 1, "http-redirect": 1, "revisit": 1, "metadata": 1})


def run(data: bytes, path: str = "crawl.warc.gz") -> tuple[list[Article], list[BadInputError], Counter]:
    skipped: Counter = Counter()
    items = list(extract("warc", data, ExtractContext(path=path, options={"skipped": skipped})))
    assert all(isinstance(item, (Article, BadInputError)) for item in items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, BadInputError)], skipped


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_every_html_response_becomes_an_article_and_the_rest_is_counted(name):
    found, errors, skipped = run((WARCS / name).read_bytes(), name)
    assert errors == []
    assert [a.title for a in found] == TITLES
    assert skipped == SKIPPED
    first = found[0]
    assert first.url == "https://river-post.example/news/ferry-timetable?utm_source=feed"
    assert first.extra["canonical_url"] == "https://river-post.example/news/ferry-timetable"
    assert first.origin["warc_date"] == "2024-04-02T10:15:00Z"
    assert first.origin["warc_target_uri"] == first.url
    assert first.body.startswith("The river ferry between Eastwick")
    assert "Home" not in first.body and "all rights reserved" not in first.body


def test_record_offsets_point_at_the_records():
    data = (WARCS / "crawl.warc").read_bytes()
    found, _, _ = run(data, "crawl.warc")
    for article in found:
        offset = article.origin["warc_record_offset"]
        assert data[offset:].startswith(b"WARC/1.")
        assert article.origin["warc_target_uri"].encode() in data[offset : offset + 600]


def test_gzip_offsets_are_member_offsets():
    data = (WARCS / "crawl.warc.gz").read_bytes()
    found, _, _ = run(data)
    for article in found:
        member = zlib.decompressobj(wbits=31).decompress(data[article.origin["warc_record_offset"] :])
        assert member.startswith(b"WARC/1.")


def test_arc_files_are_read_through_arc2warc():
    found, errors, _ = run((WARCS / "crawl.arc").read_bytes(), "crawl.arc")
    assert errors == []
    assert [a.title for a in found] == TITLES
    assert found[1].url == "https://river-post.example/news/library-roof"
    assert "warc_record_id" not in found[1].origin


def test_arc_gz_and_whole_file_gzip_are_read():
    found, errors, _ = run(gzip.compress((WARCS / "crawl.arc").read_bytes()), "crawl.arc.gz")
    assert [a.title for a in found] == TITLES and errors == []
    # `gzip crawl.warc` makes one member around every record, which warcio alone refuses.
    found, errors, _ = run(gzip.compress((WARCS / "crawl.warc").read_bytes()), "whole.warc.gz")
    assert [a.title for a in found] == TITLES and errors == []
    # ...also when the first record is a page: read once, not twice.
    data = (WARCS / "crawl.warc").read_bytes()
    first_page = data.index(b"WARC/1.0", data.index(b"WARC-Type: request"))
    found, errors, _ = run(gzip.compress(data[first_page:]), "whole.warc.gz")
    assert [a.title for a in found] == TITLES and errors == []


def test_truncated_warc_gz_reports_the_broken_record_and_keeps_the_rest():
    data = (WARCS / "crawl.warc.gz").read_bytes()
    found, _, _ = run(data)
    cut = found[1].origin["warc_record_offset"] + 300
    found, errors, _ = run(data[:cut], "cut.warc.gz")
    assert [a.title for a in found] == TITLES[:1]
    assert len(errors) == 1
    assert errors[0].path == "cut.warc.gz"
    assert errors[0].offset == found[0].origin["warc_record_offset"] or errors[0].offset >= found[0].origin["warc_record_offset"]


def test_wrong_content_length_is_reported_with_its_offset_and_reading_goes_on():
    data = (WARCS / "crawl.warc").read_bytes()
    found, _, _ = run(data, "crawl.warc")
    start = found[0].origin["warc_record_offset"]
    header_end = data.index(b"\r\n\r\n", start)
    length_at = data.index(b"Content-Length: ", start, header_end) + len(b"Content-Length: ")
    real = int(data[length_at : data.index(b"\r\n", length_at)])
    for wrong in (real - 200, real + 400):
        broken = data[:length_at] + str(wrong).encode() + data[data.index(b"\r\n", length_at) :]
        found, errors, _ = run(broken, "bad-length.warc")
        assert errors, f"Content-Length {wrong} for {real} went unnoticed"
        assert all(e.offset is not None and e.path == "bad-length.warc" for e in errors)
        assert TITLES[1] in [a.title for a in found]


def test_a_file_that_is_no_warc_at_all_is_refused():
    with pytest.raises(BadInputError) as caught:
        run(b"this is a text file about ferries\nand not a crawl\n" * 10, "notes.warc")
    assert caught.value.path == "notes.warc"


@pytest.fixture
def zeros_bomb(tmp_path):
    """100 MB of zeros gzipped (about 100 KB), streamed to disk, named like a crawl."""
    path = tmp_path / "bomb.warc.gz"
    block = bytes(1024 * 1024)
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(100):
            out.write(block)
    return path


def test_gzip_of_zeros_stops_at_a_cap_quickly_and_in_bounded_memory(zeros_bomb):
    data = zeros_bomb.read_bytes()
    tracemalloc.start()
    started = time.process_time()
    with pytest.raises(BadInputError) as caught:
        run(data, "bomb.warc.gz")
    elapsed = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "cap" in caught.value.message
    assert elapsed < 5
    assert peak < 64 * 1024 * 1024


def _warc_with_record(payload: bytes, declared_length: int | None = None, encoding: str | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    if encoding:
        http += b"Content-Encoding: " + encoding.encode() + b"\r\n"
    block = http + b"\r\n" + payload
    length = declared_length if declared_length is not None else len(block)
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        f"WARC-Date: 2024-04-02T10:15:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {length}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def test_content_encoding_bomb_inside_a_record_stops_at_the_record_cap(monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_RECORD_BYTES", 4 * 1024 * 1024)
    payload = gzip.compress(bytes(8 * 1024 * 1024))
    data = _warc_with_record(payload, encoding="gzip") + (WARCS / "crawl.warc").read_bytes()
    found, errors, skipped = run(data, "encoded-bomb.warc")
    assert len(errors) == 1 and "cap for one record" in errors[0].message and errors[0].offset == 0
    assert [a.title for a in found] == TITLES
    assert skipped["too-large"] == 1


def test_declared_huge_record_is_skipped(monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_RECORD_BYTES", 1024)
    found, errors, _ = run(_warc_with_record(b"<p>" + b"x" * 4000 + b"</p>"), "big.warc")
    assert found == [] and "cap for one record" in errors[0].message


def test_file_cap_stops_a_long_gzip_stream(monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    payload = bytes(6 * 1024 * 1024)
    data = gzip.compress(_warc_with_record(payload))
    with pytest.raises(BadInputError, match="cap for one file"):
        run(data, "long.warc.gz")
    # Records read before the cap stand; the error ends the file.
    data = (WARCS / "crawl.warc.gz").read_bytes() + data
    found, errors, _ = run(data, "long.warc.gz")
    assert [a.title for a in found] == TITLES
    assert "cap for one file" in errors[-1].message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_hostile_bytes_never_raise_anything_but_bad_input(data):
    original = (WARCS / data.draw(st.sampled_from(["crawl.warc", "crawl.warc.gz", "crawl.arc"]))).read_bytes()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, len(original)))
    junk = data.draw(st.binary(max_size=64))
    mutated = original[:start] + junk + original[end:]
    try:
        run(mutated, "fuzz.warc")
    except BadInputError:
        pass


def test_http_charset_of_a_record_decodes_its_page():
    page = ("<html><body><article><p>" + "Городской совет обсудил новый мост через реку и утвердил план работ. " * 3 + "</p></article></body></html>").encode("koi8-r")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=KOI8-R\r\n\r\n" + page
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://city.example/bridge\r\n"
        f"WARC-Date: 2024-04-02T10:15:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    found, errors, _ = run(head + http + b"\r\n\r\n", "ru.warc")
    assert errors == [] and "Городской совет" in found[0].body


def test_resource_records_and_xhtml_responses_are_pages_too(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    text = "<p>" + "The lock keeper opened the upper gates at dawn so the first barges could pass before the fog. " * 3 + "</p>"
    page = f"<html><head><title>Canal lock reopens</title></head><body><article>{text}</article></body></html>".encode()
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warc_record("https://canal.example/lock", "resource", payload=io.BytesIO(page), warc_content_type="text/html")
    )
    headers = StatusAndHeaders("200 OK", [("Content-Type", "application/xhtml+xml")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://canal.example/lock-x", "response", payload=io.BytesIO(page), http_headers=headers)
    )
    found, errors, skipped = run(out.getvalue(), "canal.warc.gz")
    assert errors == [] and not skipped
    assert [a.url for a in found] == ["https://canal.example/lock", "https://canal.example/lock-x"]
    assert all(a.title == "Canal lock reopens" for a in found)


def test_the_file_cap_grows_with_the_compressed_size(monkeypatch):
    """A big real crawl inflates a few times over and must not hit the cap a bomb hits."""
    monkeypatch.setattr(warc_module, "MAX_FILE_BYTES", 1024 * 1024)
    rng = __import__("random").Random(5)
    noise = bytes(rng.randrange(256) for _ in range(1_500_000))  # incompressible, like images
    data = gzip.compress(_warc_with_record(noise)) + (WARCS / "crawl.warc.gz").read_bytes()
    found, errors, _ = run(data, "big-crawl.warc.gz")
    assert [a.title for a in found] == TITLES
    assert not any("cap for one file" in e.message for e in errors)
