"""The import pipeline: inputs -> extracted articles -> duplicates settled -> batched writes.

Extraction is pure and runs in worker processes when there are many files; everything that
touches the archive runs here, in the parent, inside `Archive.transaction()`. Articles are
written in batches that grow with the archive, so a large import rewrites the file a
handful of times, not once per article, and an interrupted import loses at most the batch
in progress, never a batch that was reported written.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from newsarchive import __version__
from newsarchive.errors import ArchiveError, BadInputError
from newsarchive.extract import FORMATS, ExtractContext, extractor_for
from newsarchive.extract.decode import decode_text
from newsarchive.extract.neardup import signature
from newsarchive.extract.textpage import learnable_lines
from newsarchive.extract.urls import canonical_url
from newsarchive.inputs import MAX_PAGE_BYTES, PAGE_FORMATS, InputFile, expand_inputs, recorded_path
from newsarchive.learning import SiteFurniture
from newsarchive.model import (
    CONTENT_FIELDS,
    DUPLICATE_POLICIES,
    Article,
    learning_site,
    make_id,
    normalise_body,
    normalise_tags,
    utc_now,
    validate_record,
    with_new_content,
)
from newsarchive.neardupes import NearDuplicateFile
from newsarchive.store.originals import sha256_of

if TYPE_CHECKING:
    from newsarchive.archive import Archive

MIN_BATCH = 1000
# A typical stored article's size in the archive file, for guessing its length.
BYTES_PER_ARTICLE = 4096
# Near-duplicates are flagged while importing up to this many articles in a batch, or with
# this many bodies of the archive still to hash; past that (a bulk load), `dupes` finds them.
NEAR_DUPLICATE_LIMIT = 5000
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM_FILES = 16


@dataclass
class ImportOptions:
    format: str = "auto"
    tags: tuple[str, ...] = ()
    source: str | None = None
    on_duplicate: str = "skip"
    dry_run: bool = False
    workers: int | None = None


@dataclass
class ImportReport:
    """What an import did, for the summary line and `--format json`."""

    imported: list[dict[str, Any]] = field(default_factory=list)
    updated: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    near_duplicates: list[dict[str, Any]] = field(default_factory=list)
    near_duplicates_checked: bool = True
    failed: list[BadInputError] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    files: int = 0
    interrupted: bool = False
    dry_run: bool = False
    archive_error: ArchiveError | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "failed": [{"path": e.path and recorded_path(e.path), "line": e.line, "offset": e.offset, "reason": e.message} for e in self.failed],
            "skipped": dict(self.skipped),
            "files": self.files,
            "interrupted": self.interrupted,
            "dry_run": self.dry_run,
        }


@dataclass
class Extracted:
    """One input file after extraction (what a worker process sends back)."""

    path: str
    format: str | None
    data: bytes = b""
    sha256: str = ""
    articles: list[Article] = field(default_factory=list)
    errors: list[BadInputError] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)


ProgressCallback = Callable[[int, int, str], None]


def body_hash(body: str, normalised: str | None = None) -> str:
    """What makes two bodies the same for duplicate detection: their normalised words."""
    text = normalise_body(body) if normalised is None else normalised
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def extract_input(item: InputFile, fmt: str) -> Extracted:
    """Read and extract one input. Never raises: every failure becomes an error in the result."""
    try:
        data = item.read()
    except BadInputError as exc:
        return Extracted(item.path, None, errors=[exc])
    result = Extracted(item.path, None, data=data, sha256=sha256_of(data))
    if not data.strip():
        result.errors.append(BadInputError("the file is empty", path=item.path))
        return result
    name = fmt if fmt != "auto" else _sniff(data, item.path)
    if name is None:
        from newsarchive.extract.sniff import SNIFF_ORDER

        result.errors.append(BadInputError(f"cannot tell what format this is (tried: {', '.join(SNIFF_ORDER)})",
                                           path=item.path, hint="name it with --format"))
        return result
    result.format = name
    if name in PAGE_FORMATS and len(data) > MAX_PAGE_BYTES:
        result.errors.append(BadInputError(
            f"too large for a single {name} page ({len(data) / 2**20:.1f} MB; the limit is {MAX_PAGE_BYTES // 2**20} MB)",
            path=item.path, hint="is it really one article? split it, or import it as another --format"))
        return result
    # Site furniture is applied later, in the parent, which knows the archive.
    context = ExtractContext(path=item.path, options={"skipped": result.skipped})
    result.articles, result.errors = run_extractor(name, data, context)
    return result


def run_extractor(fmt: str, data: bytes, context: ExtractContext) -> tuple[list[Article], list[BadInputError]]:
    """Every article and every per-record error format `fmt` finds; nothing is raised."""
    articles: list[Article] = []
    errors: list[BadInputError] = []
    try:
        for found in extractor_for(fmt)(data, context):
            (errors if isinstance(found, BadInputError) else articles).append(found)
    except BadInputError as exc:
        exc.path = exc.path or context.path
        errors.append(exc)
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, OSError, UnicodeError) as exc:
        # A parser library choking on hostile bytes is this file's failure, not the import's.
        errors.append(BadInputError(f"could not be read as {fmt} ({exc.__class__.__name__}: {exc})", path=context.path))
    return articles, errors


def extract_again(data: bytes, fmt: str, context: ExtractContext, record: int = 0) -> Article | BadInputError:
    """The `record`-th article that format `fmt` finds in `data` (for re-extraction)."""
    articles, errors = run_extractor(fmt, data, context)
    if record < len(articles):
        return articles[record]
    return errors[0] if errors else BadInputError(f"the original no longer yields record {record}", path=context.path)


def _sniff(data: bytes, path: str) -> str | None:
    from newsarchive.extract.sniff import sniff_format

    return sniff_format(data, path)


def _extract_all(items: list[InputFile], options: ImportOptions) -> Iterator[Extracted]:
    workers = options.workers if options.workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_FROM_FILES:
        for item in items:
            yield extract_input(item, options.format)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    try:
        yield from pool.map(extract_input, items, [options.format] * len(items), chunksize=4)
    finally:
        # On Ctrl-C (or any early exit) the parent must not wait for queued extractions.
        pool.shutdown(wait=False, cancel_futures=True)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and what an interrupt means
    (drop the batch in progress, report what landed) is the parent's to decide."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Importer:
    """Runs one import into an Archive, batch by batch."""

    def __init__(self, archive: Archive, options: ImportOptions) -> None:
        if options.on_duplicate not in DUPLICATE_POLICIES:
            raise ValueError(f"on_duplicate must be one of {DUPLICATE_POLICIES}")
        if options.format != "auto" and options.format not in FORMATS:
            raise ValueError(f"unknown format {options.format!r}")
        self.archive = archive
        self.options = options
        self.report = ImportReport(dry_run=options.dry_run)
        self.pending: list[Article] = []
        # Text pages waiting in `pending`, by sha256: their bytes and learnable lines, so they
        # can be read again once the site's furniture is known.
        self.text_pages: dict[str, tuple[bytes, set[str]]] = {}
        self._site_furniture: SiteFurniture | None = None
        # Batches grow with the archive (each one rewrites it); guessed from the file's size
        # here, so that starting an import does not cost a full read.
        self.batch_size = max(MIN_BATCH, _file_size(archive.path) // BYTES_PER_ARTICLE)

    def run(self, arguments: list[str], *, stdin: bytes | None = None,
            progress: ProgressCallback | None = None) -> ImportReport:
        items: list[InputFile] = []
        for found in expand_inputs(arguments, stdin=stdin):
            if isinstance(found, BadInputError):
                self.report.failed.append(found)
            else:
                items.append(found)
        self.report.files = len(items)
        try:
            for done, extracted in enumerate(_extract_all(items, self.options), start=1):
                self._take(extracted)
                if progress:
                    progress(done, len(items), extracted.path)
                if len(self.pending) >= self.batch_size:
                    self._flush()
            self._flush()
        except KeyboardInterrupt:
            # The batch in progress is dropped whole; the batches already flushed have landed.
            self.report.interrupted = True
        except ArchiveError as exc:
            # The archive refused a batch (disk full, locked...): what landed before stays,
            # and the caller reports both.
            self.report.archive_error = exc
        return self.report

    def _take(self, extracted: Extracted) -> None:
        self.report.failed.extend(extracted.errors)
        self.report.skipped.update(extracted.skipped)
        articles = self._prepare(extracted)
        if articles and not self.options.dry_run:
            # The original is on disk before any record that refers to it.
            self.archive.originals.put(extracted.data, extracted.sha256)
        if articles and extracted.format == "text":
            lines = learnable_lines(decode_text(extracted.data))
            self.site_furniture().add_page(learning_site(articles[0].site, articles[0].origin), extracted.sha256, lines)
            self.text_pages[extracted.sha256] = (extracted.data, lines)
        # The bytes are on disk now; a big dump must not stay in memory while it is written,
        # nor its articles once the batch has turned them into records.
        extracted.data = b""
        extracted.articles = []
        self.pending.extend(articles)

    def site_furniture(self) -> SiteFurniture:
        if self._site_furniture is None:
            self._site_furniture = SiteFurniture(self.archive.originals, self.archive.store.read().summaries())
        return self._site_furniture

    def _apply_learned_furniture(self, batch: list[Article]) -> None:
        """Read text pages again, leaving out the lines their site repeats on other pages."""
        for article in batch:
            digest = article.origin.get("sha256", "")
            page = self.text_pages.pop(digest, None)
            if page is None:
                continue
            data, lines = page
            furniture = self.site_furniture().furniture_for(learning_site(article.site, article.origin), lines, digest)
            if not furniture:
                continue
            refined = extract_again(data, "text", ExtractContext(path=article.origin["path"], furniture=furniture))
            if isinstance(refined, Article):
                for name in CONTENT_FIELDS:
                    if not (name == "source" and self.options.source):
                        setattr(article, name, getattr(refined, name))
                article.origin["learned_furniture_lines"] = len(furniture)

    def _prepare(self, extracted: Extracted) -> list[Article]:
        """Fill in what the extractor leaves to the pipeline."""
        ready = []
        now = utc_now()
        # Shared by every article of the file: a 100,000-record dump holds one copy of each.
        path = extracted.path if extracted.path == "-" else recorded_path(os.path.abspath(extracted.path))
        extractor = f"newsarchive {__version__} {extracted.format}"
        for number, article in enumerate(extracted.articles):
            article.tags = normalise_tags([*article.tags, *self.options.tags])
            if self.options.source:
                article.source = self.options.source
            if article.url:
                article.url = canonical_url(article.url)
            article.imported_at = now
            article.origin = {
                "path": path,
                "format": extracted.format,
                "sha256": extracted.sha256,
                "extractor": extractor,
                **({"record": number} if len(extracted.articles) > 1 else {}),
                **article.origin,
            }
            ready.append(article)
        return ready

    def _flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self._apply_learned_furniture(batch)
        if self.options.dry_run:
            self._record(self._settle(batch, self.archive.store.read(), write=False))
            return
        txn = None
        try:
            with self.archive.transaction() as txn:
                outcome = self._settle(batch, txn, write=True)
                size = len(txn)
                batch.clear()  # the records hold what is written; the articles can go
        except BaseException:
            # A Ctrl-C can arrive after the rename (while the index follows): the batch has
            # landed then, and the summary must say so.
            if txn is not None and txn.committed:
                self._record(outcome)
            raise
        if outcome["finder"] is not None:
            outcome["finder"].save()
        # Counted only now that the batch is on disk: the summary never claims an article
        # that a failed write lost.
        self._record(outcome)
        self.batch_size = max(MIN_BATCH, size)

    def _record(self, outcome: dict[str, Any]) -> None:
        self.report.failed.extend(outcome["failed"])
        self.report.imported.extend(outcome["imported"])
        self.report.updated.extend(outcome["updated"])
        self.report.duplicates.extend(outcome["duplicates"])
        self.report.near_duplicates.extend(outcome["near_duplicates"])
        self.report.near_duplicates_checked &= outcome["finder"] is not None

    def _settle(self, batch: list[Article], view: Any, *, write: bool) -> dict[str, Any]:
        """Give each article its id, decide what duplicates do, and (if `write`) store them."""
        outcome: dict[str, Any] = {"imported": [], "updated": [], "duplicates": [], "failed": [], "near_duplicates": []}
        known = _KnownArticles(view)
        finder = outcome["finder"] = self._near_duplicate_finder(view, len(batch))
        kept: dict[str, bool] = {}  # sha256 -> is the original on disk (checked under the lock)
        new_records: dict[str, dict[str, Any]] = {}
        for article in batch:
            if write and not self._original_kept(article, kept):
                # A delete running meanwhile removed the original this import had kept.
                outcome["failed"].append(BadInputError(
                    "its original was removed by a delete running at the same time; import it again",
                    path=article.origin.get("path")))
                continue
            article.id = "pending"
            record = article.to_record()  # counts the words, once
            problems = validate_record(record, check_word_count=False)
            if problems:
                outcome["failed"].append(BadInputError("; ".join(problems), path=article.origin.get("path")))
                continue
            normalised = normalise_body(article.body)
            digest = body_hash(article.body, normalised)
            existing, same_url = known.match(article.url, digest)
            entry = {"title": article.title, "path": article.origin.get("path")}
            if existing and self.options.on_duplicate == "skip":
                outcome["duplicates"].append({**entry, "id": existing, "reason": "same url" if same_url else "same body"})
                continue
            if existing and self.options.on_duplicate == "update":
                _update_existing(existing, record, digest, view, new_records, write=write)
                outcome["updated"].append({**entry, "id": existing})
                continue
            article.id = record["id"] = make_id(article, known.taken, normalised_body=normalised)
            record["body_hash"] = digest
            new_records[article.id] = record
            known.add(article.id, article.url, digest)
            outcome["imported"].append({**entry, "id": article.id})
            if finder is not None:
                _note_near_duplicates(finder, article, digest, entry, outcome["near_duplicates"])
        if write:
            view.insert(new_records.values())
        return outcome

    def _original_kept(self, article: Article, kept: dict[str, bool]) -> bool:
        """Whether the original file of `article` is still on disk, asked once per original.

        Asked under the archive lock, so a delete that removed it cannot slip in after.
        """
        digest_of_original = article.origin.get("sha256", "")
        if digest_of_original not in kept:
            kept[digest_of_original] = self.archive.originals.has(digest_of_original)
        return kept[digest_of_original]

    def _near_duplicate_finder(self, view: Any, batch_size: int) -> NearDuplicateFile | None:
        """The archive's signatures, brought up to date, unless this is a bulk load."""
        if batch_size > NEAR_DUPLICATE_LIMIT:
            return None
        finder = NearDuplicateFile(self.archive.store.sidecar)
        return finder if finder.follow(view, limit=NEAR_DUPLICATE_LIMIT) else None


class _KnownArticles:
    """The urls, body hashes and ids of the archive, and of the batch's new articles so far.

    New articles are added as they are accepted, so two copies inside one batch are
    duplicates of each other just as a copy of an archived article is.
    """

    def __init__(self, view: Any) -> None:
        self.by_url: dict[str, str] = {}
        self.by_body: dict[str, str] = {}
        for summary in view.summaries():
            if summary.url:
                self.by_url.setdefault(summary.url, summary.id)
            # A record made by hand carries no body hash; its body is hashed here instead.
            digest = summary.body_hash or body_hash((view.get(summary.id) or {}).get("body", ""))
            self.by_body.setdefault(digest, summary.id)
        self.taken = view.ids()

    def match(self, url: str | None, digest: str) -> tuple[str | None, bool]:
        """The id an article with this url or body duplicates (if any), and whether the url matched.

        The url is asked first: the same page fetched again with an edited body is the same article.
        """
        same_url = self.by_url.get(url) if url else None
        return same_url or self.by_body.get(digest), bool(same_url)

    def add(self, article_id: str, url: str | None, digest: str) -> None:
        """Note a new article, so later ones in the batch meet it as a duplicate and its id is taken."""
        self.taken.add(article_id)
        if url:
            self.by_url.setdefault(url, article_id)
        self.by_body.setdefault(digest, article_id)


def _update_existing(
    existing: str, record: dict[str, Any], digest: str, view: Any, new_records: dict[str, dict[str, Any]], *, write: bool
) -> None:
    """Fold a duplicate's record into the article it duplicates.

    That article may be new in this same batch, not yet written: then it is updated in
    memory, as the archive does not hold it yet.
    """
    old = new_records.get(existing) or view.get(existing)
    updated = _updated_record(old, record, digest)
    if existing in new_records:
        new_records[existing] = updated
    elif write:
        view.replace(updated)


def _note_near_duplicates(
    finder: NearDuplicateFile, article: Article, digest: str, entry: dict[str, Any], found: list[dict[str, Any]]
) -> None:
    """List the articles that a new one is much like, then add its signature for those after it."""
    sig = signature(article.body)
    similar = finder.index.candidates(sig)
    if similar:
        found.append({**entry, "id": article.id, "similar_to": [
            {"id": other, "similarity": round(score, 3)} for other, score in similar]})
    finder.add(article.id, digest, sig)


def _file_size(path: os.PathLike[str] | str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _updated_record(old: dict[str, Any], new: dict[str, Any], digest: str) -> dict[str, Any]:
    """The new content under the old id and import time, keeping the researcher's tags,
    notes and corrections; the new copy's provenance, with the old one's behind it."""
    record = with_new_content(old, new)
    record["tags"] = normalise_tags([*old.get("tags", []), *new.get("tags", [])])
    record["origin"] = {**new.get("origin", {}), "previous": old.get("origin")}
    record["body_hash"] = digest
    return record


