"""WARC and ARC files (plain or gzipped) to Articles: one per captured HTML page.

warcio reads the records (ARC ones converted to WARC on the fly). Every `response` (or
`resource`) record holding a 2xx HTML page goes through the HTML importer, with the record's
target URI as `url` and its capture date and offset kept in `origin`. Everything else
(requests, revisits, metadata, images, redirects, errors) is skipped and counted in
`context.options["skipped"]` when the caller passes a `collections.Counter` there.

A crawl file is untrusted: decompression is capped per record and per file, so a gzip bomb
stops with a message instead of filling memory, and a header line can never grow without
bound. A broken record is reported with its offset, and reading resumes at the next record
that can be found (the next gzip member, or the next "WARC/" header line).

Offsets are those of the file (for a .warc.gz, of the record's gzip member), except in a
.warc.gz compressed as one piece (`gzip crawl.warc`), where they count decompressed bytes.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.html import extract_html_article
from newsarchive.model import Article

# Most a record's payload may hold once decompressed; no news page comes near it.
MAX_RECORD_BYTES = 50 * 1024 * 1024
# Most one file may decompress to: MAX_FILE_BYTES, or MAX_EXPANSION times its compressed
# size when that is more. A crawler's 1 GB .warc.gz of pages and images inflates a few
# times over; a gzip bomb, a thousand times.
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
MAX_EXPANSION = 20
# Longest header line warcio may read; a real WARC header line is a few hundred bytes.
MAX_LINE_BYTES = 64 * 1024
# Resyncing after broken records gives up after this many, so junk cannot loop for long.
MAX_BROKEN_RECORDS = 1000

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
RECORD_START = re.compile(rb"(?:^|\n)(WARC/\d\.\d\r?\n|[a-z]+:\S+ \d{1,3}(?:\.\d{1,3}){3} \d{14} )")


class CapExceeded(Exception):
    """Decompression went past one of the caps; carries the message for the user."""


class _Budget:
    """Decompressed bytes read so far from one file, against the file's cap.

    Also notes whether the last gzip member ended cleanly (a truncated .warc.gz does not).
    """

    def __init__(self, compressed_size: int) -> None:
        self.limit = max(MAX_FILE_BYTES, MAX_EXPANSION * compressed_size)
        self.used = 0
        self.truncated = False

    def spend(self, amount: int) -> None:
        self.used += amount
        if self.used > self.limit:
            raise CapExceeded(
                f"decompresses to more than {self.limit // 1024 ** 2} MB, the cap for one file "
                "(a decompression bomb, or a crawl to split before importing)"
            )


def _capped_reader_class(budget: _Budget) -> type:
    from warcio.bufferedreaders import DecompressingBufferedReader

    class CappedReader(DecompressingBufferedReader):
        """warcio's reader with a bounded readline and every decompressed byte counted."""

        def readline(self, length: int | None = None) -> bytes:
            if length is not None and 0 <= length <= MAX_LINE_BYTES:
                return super().readline(length)
            line = super().readline(MAX_LINE_BYTES)
            if len(line) >= MAX_LINE_BYTES and not line.endswith(b"\n"):
                raise CapExceeded(
                    f"a header line runs past {MAX_LINE_BYTES // 1024} KB, the cap for one line "
                    "(not a WARC record, or a decompression bomb)"
                )
            return line

        def _process_read(self, data: bytes) -> None:
            super()._process_read(data)
            budget.spend(self.buff_size)

        def close_decompressor(self) -> None:
            decompressor = getattr(self, "decompressor", None)
            if decompressor is not None and hasattr(decompressor, "eof") and self.num_block_read:
                budget.truncated = not decompressor.eof
            super().close_decompressor()

    return CappedReader


class _GunzipStream(io.RawIOBase):
    """A whole-file gzip (every member) decompressed as a stream, within the file budget.

    For a .warc.gz compressed as one piece (`gzip crawl.warc`), which warcio refuses.
    """

    def __init__(self, data: bytes, budget: _Budget) -> None:
        self._data = memoryview(data)
        self._position = 0
        self._decompressor = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            if self._decompressor.eof:
                rest = self._decompressor.unused_data
                if not rest.startswith(GZIP_MAGIC):
                    return 0
                self._decompressor = zlib.decompressobj(wbits=31)
                self._pending = self._decompressor.decompress(rest, len(buffer))
            elif self._decompressor.unconsumed_tail:
                self._pending = self._decompressor.decompress(self._decompressor.unconsumed_tail, len(buffer))
            elif self._position < len(self._data):
                chunk = self._data[self._position : self._position + 65536]
                self._position += len(chunk)
                self._pending = self._decompressor.decompress(chunk, len(buffer))
            else:
                raise EOFError("the gzip data ends in the middle of a member (the file is truncated)")
            self._budget.spend(len(self._pending))
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _archive_iterator(stream: Any, budget: _Budget, broken: list[int]) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        """ArchiveIterator that notes wrong Content-Lengths instead of printing to stderr."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.reader = _capped_reader_class(budget)(self.fh, block_size=kwargs.get("block_size", 16384))

        def _consume_blanklines(self) -> tuple[bytes | None, int]:
            empty_size = 0
            first_line = True
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if not line.rstrip() or first_line:
                    empty_size += len(line)
                    if line.rstrip():
                        broken.append(self.fh.tell() - self.reader.rem_length() - empty_size)
                    first_line = False
                    continue
                return line, empty_size

    return QuietIterator(stream, arc2warc=True)


def _count(context: ExtractContext, reason: str) -> None:
    skipped = context.options.get("skipped")
    if isinstance(skipped, Counter):
        skipped[reason] += 1


def _next_start(data: bytes, after: int, gzipped: bool) -> int | None:
    """Where the next record seems to begin, strictly after `after`."""
    if gzipped:
        found = data.find(GZIP_MAGIC, after + 1)
        return found if found >= 0 else None
    match = RECORD_START.search(data, after + 1)
    if not match:
        return None
    return match.start(1)


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _article_from_record(
    record: Any, offset: int, context: ExtractContext, *, from_arc: bool = False
) -> Article | BadInputError | None:
    """The record's article, a BadInputError, or None (counted) when it is not an HTML page."""
    kind = record.rec_type
    if kind not in ("response", "resource"):
        _count(context, kind or "unknown")
        return None
    headers = record.rec_headers
    length_problem = _declared_length_problem(record, offset, context)
    if length_problem is not None:
        return length_problem
    content_type = _html_content_type(record, context)
    if content_type is None:
        return None
    payload = _read_payload(record, offset, context)
    if isinstance(payload, BadInputError):
        return payload
    uri = headers.get_header("WARC-Target-URI")
    try:
        article = extract_html_article(payload, url=uri, path=context.path, charset=_charset(content_type))
    except BadInputError:
        _count(context, "no-article-text")
        return None
    _note_provenance(article, headers, uri, offset, from_arc=from_arc)
    return article


def _declared_length_problem(record: Any, offset: int, context: ExtractContext) -> BadInputError | None:
    """Why the record's Content-Length rules it out (unreadable, or over the cap), if it does.

    Checked before any payload is read, so an oversized record costs nothing to refuse.
    """
    try:
        length = int(record.rec_headers.get_header("Content-Length") or record.length or 0)
    except ValueError:
        return BadInputError("record has no valid Content-Length; skipped", path=context.path, offset=offset)
    if length > MAX_RECORD_BYTES:
        _count(context, "too-large")
        return BadInputError(
            f"record of {length // 1024 ** 2} MB is over the {MAX_RECORD_BYTES // 1024 ** 2} MB cap for one record; skipped",
            path=context.path,
            offset=offset,
        )
    return None


def _html_content_type(record: Any, context: ExtractContext) -> str | None:
    """The Content-Type of a record that holds a 2xx HTML page, or None (counted) for any other.

    A `response` carries the page's type in its HTTP headers; a `resource` has no HTTP
    headers, so its type is the WARC header's.
    """
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            _count(context, "no-http-headers")
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            _count(context, "http-redirect" if status.startswith("3") else "http-error")
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.split(";")[0].strip().lower() in HTML_TYPES:
        _count(context, "non-html")
        return None
    return content_type


def _read_payload(record: Any, offset: int, context: ExtractContext) -> bytes | BadInputError:
    """The record's decoded payload, or why it cannot be used (over the cap, or cut short)."""
    # content_stream() undoes chunking and Content-Encoding: a gzip bomb hides there too.
    payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(payload) > MAX_RECORD_BYTES:
        _count(context, "too-large")
        return BadInputError(
            f"record payload decompresses to more than {MAX_RECORD_BYTES // 1024 ** 2} MB, the cap for one record; skipped",
            path=context.path,
            offset=offset,
        )
    # warcio's limit reader still expecting bytes means the data ran out before the record did.
    if getattr(record.raw_stream, "limit", 0) > 0:
        return BadInputError(
            "record ends before its Content-Length says (the file is truncated); skipped", path=context.path, offset=offset
        )
    return payload


def _note_provenance(article: Article, headers: Any, uri: str | None, offset: int, *, from_arc: bool) -> None:
    """Make the record's target URI the article's url and keep where in the crawl it was found."""
    if uri:
        # The page's own canonical link is kept, but the URI the crawler fetched is the url.
        if article.url and article.url != uri:
            article.extra["canonical_url"] = article.url
        article.url = uri
    article.origin = {
        "warc_date": headers.get_header("WARC-Date"),
        "warc_record_offset": offset,
        "warc_target_uri": uri,
    }
    record_id = headers.get_header("WARC-Record-ID")
    # An ARC record has no id of its own; warcio makes up a random one, which is no provenance.
    if record_id and not from_arc:
        article.origin["warc_record_id"] = record_id


class _ReadState:
    """Where reading a crawl file stands, across the restarts that broken records cause."""

    def __init__(self, gzipped: bool) -> None:
        self.gzipped = gzipped
        self.whole_file_gzip = False
        self.position: int | None = 0
        self.last_start = -1
        self.offset = 0
        self.failures = 0
        # Records read before warcio found the file to be one gzip member around them all; the
        # whole-file pass skips them rather than give their articles twice.
        self.processed = 0
        self.skip = 0

    def seen_before(self, offset: int) -> bool:
        """Whether the record at `offset` was already read by an earlier pass."""
        if self.whole_file_gzip:
            if self.skip:
                self.skip -= 1
                return True
        elif offset <= self.last_start:
            # A pass restarted after a broken record can find again records already read.
            return True
        else:
            self.processed += 1
        return False


def _open_stream(data: bytes, state: _ReadState, budget: _Budget) -> Any:
    """The bytes for warcio to read next: the file from `state.position`, or all of it gunzipped."""
    if state.whole_file_gzip:
        return io.BufferedReader(_GunzipStream(data, budget), buffer_size=65536)
    stream = io.BytesIO(data)
    stream.seek(state.position)
    return stream


def _read_pass(
    iterator: Any, broken: list[int], state: _ReadState, context: ExtractContext, budget: _Budget, is_arc: bool
) -> Iterator[Article | BadInputError]:
    """Everything one warcio pass yields until it ends or raises; `state.offset` follows it."""
    for record in iterator:
        state.offset = iterator.offset
        if state.seen_before(state.offset):
            continue
        state.last_start = state.offset
        result = _article_from_record(record, state.offset, context, from_arc=is_arc)
        if result is not None:
            yield result
        for bad in broken:
            yield BadInputError(
                "a record's Content-Length does not match its content; the next record may be lost",
                path=context.path,
                offset=bad,
            )
        broken.clear()
    if budget.truncated:
        yield BadInputError(
            "the last gzip member is cut short (the file is truncated); its record is lost",
            path=context.path,
            offset=iterator.offset,
        )


def _broken_record_error(state: _ReadState, broken: list[int], message: str, path: str) -> BadInputError:
    """The error for a pass that stopped on a broken record; raised if nothing was read at all."""
    # Failing on the very first record, with no record boundary seen, means this is no crawl file.
    if state.failures == 0 and state.last_start < 0 and state.offset == 0 and not broken:
        raise BadInputError(f"not a readable WARC or ARC file ({message[:200]})", path=path, offset=0)
    state.failures += 1
    where = broken[0] if broken else max(state.offset, state.last_start, 0)
    return BadInputError(f"broken record ({message[:200]}); skipped", path=path, offset=where)


def _records(data: bytes, context: ExtractContext, budget: _Budget, is_arc: bool) -> Iterator[Article | BadInputError]:
    from warcio.exceptions import ArchiveLoadFailed

    state = _ReadState(gzipped=data.startswith(GZIP_MAGIC))
    while state.position is not None and state.position < len(data):
        broken: list[int] = []
        iterator = _archive_iterator(_open_stream(data, state, budget), budget, broken)
        state.offset = state.position
        try:
            yield from _read_pass(iterator, broken, state, context, budget, is_arc)
            return
        except CapExceeded:
            raise
        except ArchiveLoadFailed as error:
            if state.gzipped and not state.whole_file_gzip and "non-chunked" in str(error):
                # One gzip member around many records: read it as one decompressed stream.
                state.whole_file_gzip, state.last_start, state.skip = True, -1, state.processed
                continue
            message = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable record"
        except (EOFError, zlib.error, ValueError, OSError, IndexError, KeyError, TypeError, AttributeError) as error:
            # warcio meets hostile bytes with whatever its parsing code happens to raise.
            message = str(error) or type(error).__name__
        yield _broken_record_error(state, broken, message, context.path)
        if state.whole_file_gzip or state.failures >= MAX_BROKEN_RECORDS:
            return
        # Resume at the next record that can be found past the last one read.
        state.position = _next_start(data, max(state.last_start, state.position), state.gzipped)


def _check_head(data: bytes, path: str) -> bool:
    """Refuse, before warcio starts, a file whose first line is no WARC or ARC header.

    Only the first line is decompressed, and never more than MAX_LINE_BYTES of it.
    Returns whether the file is an ARC file.
    """
    head = data[:MAX_LINE_BYTES]
    if data.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(data[:65536], MAX_LINE_BYTES + 1)
        except zlib.error as error:
            raise BadInputError(f"not a readable gzip file ({error})", path=path, offset=0) from None
    first_line = head.lstrip(b"\r\n").split(b"\n", 1)
    if len(first_line) == 1 and len(head) > MAX_LINE_BYTES:
        raise BadInputError(
            f"the first line runs past {MAX_LINE_BYTES // 1024} KB, the cap for one header line "
            "(not a WARC or ARC file, or a decompression bomb)",
            path=path,
            offset=0,
        )
    if not RECORD_START.match(b"\n" + first_line[0] + b"\n"):
        raise BadInputError(
            "not a WARC or ARC file: the first line is no WARC/ARC header",
            path=path,
            offset=0,
            hint="WARC files begin with 'WARC/1.0', ARC files with 'filedesc://'",
        )
    return not first_line[0].startswith(b"WARC/")


def extract_warc(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """The `warc` format: every HTML page captured in a WARC or ARC file."""
    if not data.startswith(GZIP_MAGIC) and len(data) > MAX_FILE_BYTES:
        raise BadInputError(f"file is over the {MAX_FILE_BYTES // 1024 ** 2} MB cap for one WARC file", path=context.path)
    is_arc = _check_head(data, context.path)
    budget = _Budget(len(data))
    yielded = False
    try:
        for item in _records(data, context, budget, is_arc):
            yielded = True
            yield item
    except CapExceeded as error:
        # Nothing read: the file as a whole is refused. Otherwise what came before stands.
        if not yielded:
            raise BadInputError(str(error), path=context.path) from None
        yield BadInputError(f"{error}; reading stopped", path=context.path)
