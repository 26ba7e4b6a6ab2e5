"""HTML pages to Articles: the article text by trafilatura, the metadata from the page itself.

trafilatura finds the body (it leads the public extraction benchmarks), in its recall mode;
we turn its XML into paragraphs, sub-headings (its <head> elements) as paragraphs of their
own, and drop what that mode lets through: repeated paragraphs, leaked script, share and
"Related" lines, and trailing runs of link labels or of whole links (other stories, the
footer). When next to nothing is left, trafilatura's baseline gets a look; when the page's
JSON-LD `articleBody` holds much more of the same article (a paywalled teaser), it wins.
The page's own metadata (JSON-LD `NewsArticle`, `og:`/`article:` meta tags, `<link rel=canonical>`,
`<html lang>`) is more reliable than trafilatura's guesses when it is present, so it wins;
trafilatura (which runs htmldate for the date) fills the gaps.

Reader comments are not the article: they are kept in `extra["comments"]`, never in the body.
trafilatura's comment finder misses some threads, so body paragraphs that stand in the
page's comment containers (known by id or class) are moved there too. The headline is the
title, so a copy of it opening the body is dropped.

`extract_html_article` is the pure core the WARC importer reuses.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from html import unescape as unescape_entities
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.decode import guess_encoding
from newsarchive.extract.language import detect_language
from newsarchive.model import Article, count_words, is_iso_date

# Bigger pages are cut before parsing: no news article needs more, and lxml's time grows with it.
MAX_HTML_BYTES = 8_000_000
# Longer JSON-LD blocks are not handed to trafilatura (see _without_huge_json_ld); a real
# article's, articleBody included, is a few tens of kilobytes.
MAX_JSON_LD_CHARS = 256 * 1024
# Fewer words than this is a menu or a login box that trafilatura kept, not an article.
MIN_BODY_WORDS = 5
# A run of at least TRAILING_LABELS paragraphs of at most SHORT_PARAGRAPH_WORDS words,
# without a sentence ending, closing the body is a list of links.
SHORT_PARAGRAPH_WORDS = 6
# A table cell with this many words is page layout (the article in one cell, the menu in
# the next), its paragraphs the page's own.
LAYOUT_CELL_WORDS = 60
TRAILING_LABELS = 3
# Fewer words than this after furniture is dropped, and trafilatura's baseline gets a look.
THIN_BODY_WORDS = 30
NAME_WORDS = r"[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,4}"
BYLINE = re.compile(rf"^by\s+({NAME_WORDS}(?:\s*(?:,|\band\b|&)\s*{NAME_WORDS})*)\s*$", re.IGNORECASE)
BYLINE_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)
MAX_BYLINE_CHARS = 160
NOT_NAMES = {
    "admin", "administrator", "staff", "editor", "editors", "guest", "anonymous", "unknown", "webmaster",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# Reader-comment containers by id or class, as trafilatura knows them ("comments",
# "comment-list", "disqus_thread", "post-comments"; not "commentary" or "commentable"). A plain XPath finds
# the candidates (EXSLT regular expressions call back into Python for every element).
COMMENT_CANDIDATES = etree.XPath(
    ".//*[self::div or self::section or self::ol or self::ul or self::aside]"
    "[contains(@id, 'omment') or contains(@class, 'omment') or contains(@id, 'dsq-') or contains(@id, 'disqus')]"
)
COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary|able)|disqus_thread|dsq-comments)")
COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary|able)|(?:article|post)-comments")
# A paragraph that is only a share, follow, subscribe or comment-count line, a "Related" or
# "Read more" label, "Advertisement" or "Click to enlarge": page furniture wherever it stands.
FURNITURE_LINE = re.compile(
    r"""^(?:share(?:\s+(?:this|on\s+\w+))?(?:\s+(?:article|story|post|page))?|tweet|e-?mail(?:\s+this)?
    |print(?:\s+this)?|like\s+this|pin\s+it|follow\s+(?:us|@\w+)(?:\s+on\s+\w+)?|connect\s+with\s+us(?:\s+on\s+\w+)?
    |related(?:\s+(?:posts?|articles?|stories|links|content|coverage))?|you\s+(?:may|might)\s+also\s+like
    |read\s+more|continue\s+reading|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment
    |\d*\s*comments?|view\s+comments|subscribe(?:\s+to:?\s+(?:our\s+)?(?:newsletter|rss|feed|post\s+comments)[^.!?]*)?
    |(?:get|sign\s+up\s+for)\s+our\s+(?:\w+\s+){0,2}newsletter|(?:click\s+to\s+)?enlarge(?:\s+(?:photo|image|picture))?
    |advertisement|story\s+highlights)[\s:.!»›…()\d]*$""",
    re.IGNORECASE | re.VERBOSE,
)
FURNITURE_LINE_CHARS = 80
# JSON-LD's articleBody replaces the extracted body when it has this many times its words
# and holds this share of the body's distinct words.
JSON_LD_BODY_GAIN = 1.5
JSON_LD_BODY_AGREEMENT = 0.6
WORD = re.compile(r"\w+")
# Characters looked through when matching body paragraphs against the comment containers.
MAX_COMMENT_SCAN = 100_000_000
CODE_WORDS = re.compile(r"\b(?:function|var|document\.|window\.|return|getElementsBy|push\()")

CHARSET_IN_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
CHARSET_IN_XML = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
SPACES = re.compile(r"\s+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
DOMAIN_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
TITLE_SEPARATORS = re.compile(r"\s+(?:[|»«·:–—~/-]|::)\s+")
BLOCK_END_TAG = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\b[^<>]*>", re.IGNORECASE)
MARKUP_TAG = re.compile(r"<[^<>]*>")
LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "socialmediaposting",
    "webpage",
    "report",
    "liveblogposting",
}


# --- decoding -------------------------------------------------------------------------------


def declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first few KB (XML declaration or <meta>)."""
    head = data[:4096]
    match = CHARSET_IN_XML.search(head) or CHARSET_IN_META.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _lookup(charset: str | None) -> str | None:
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name if charset else None
    except LookupError:
        return None


def _has_non_ascii(data: bytes) -> bool:
    return not data.isascii()


def decode_html(data: bytes, *, charset: str | None = None) -> str:
    """Decode a page, trusting its declared charset only when the bytes agree with it.

    Pages are often saved in a different encoding from the one they declare: UTF-8 bytes
    under a `windows-1252` meta tag, or Latin-1 bytes under `utf-8`. A BOM is certain; strict
    UTF-8 that holds non-ASCII characters is almost certainly UTF-8 whatever the page says;
    otherwise the declared single-byte charset, else a guess.
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    declared = declared_encoding(data) or _lookup(charset)
    if not _has_non_ascii(data):
        return data.decode("ascii", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Browsers read a page labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding
    # standard), and so were such pages written: curly quotes sit in 0x80-0x9F.
    if declared in ("latin-1", "iso8859-1", "ascii"):
        declared = "cp1252"
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    # The page claims UTF-8 (or nothing) but is not. Old Western tools wrote CP1252, and
    # Western text has few non-ASCII letters; runs of them ("Ðàñ") mean another code page.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [ch for ch in western[:100_000] if ch.isalpha()]
        accented = sum(1 for ch in letters if ord(ch) > 0x7F)
        if accented <= 0.2 * max(len(letters), 1):
            return western
    return data.decode(guess_encoding(data), errors="replace")


# --- the page's own metadata ----------------------------------------------------------------


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    # JSON-LD's "\\ud800" escapes make lone surrogates, which no JSON archive can store.
    cleaned = SPACES.sub(" ", LONE_SURROGATE.sub("\ufffd", text)).strip()
    return cleaned or None


def _iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO-ish timestamp ("2012-07-17T09:00:00+02:00"), else None."""
    text = _clean(value)
    if text and len(text) >= 10 and is_iso_date(text[:10]):
        return text[:10]
    return None


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value: a string, an object, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if str(item.get("@type", "Person")).lower() not in ("person", ""):
                continue
            item = item.get("name")
        name = _clean(item)
        if name and not name.startswith(("http://", "https://")):
            names.append(name)
    return names


def _json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _article_body(value: Any) -> str | None:
    """JSON-LD `articleBody` as paragraphs separated by blank lines; some sites put HTML there."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = LONE_SURROGATE.sub("\ufffd", value[:MAX_HTML_BYTES])
    if "<" in text:
        text = unescape_entities(MARKUP_TAG.sub("", BLOCK_END_TAG.sub("\n\n", text)))
    separator = "\n\n" if "\n\n" in text.replace("\r", "") else "\n"
    paragraphs = (SPACES.sub(" ", part).strip() for part in text.replace("\r", "").split(separator))
    return "\n\n".join(part for part in paragraphs if part) or None


def _json_ld_types(item: dict[str, Any]) -> list[str]:
    kinds = item.get("@type")
    return [str(kind).lower() for kind in (kinds if isinstance(kinds, list) else [kinds])]


def _json_ld_article_fields(item: dict[str, Any]) -> dict[str, Any]:
    """The record's fields one JSON-LD article object gives, None where it gives nothing."""
    publisher = item.get("publisher")
    return {
        "headline": _clean(item.get("headline")) or _clean(item.get("name")),
        "published": _iso_date(item.get("datePublished")) or _iso_date(item.get("dateCreated")),
        "authors": _names(item.get("author")),
        "subtitle": _clean(item.get("description")),
        # A list of sections is not one section; _clean leaves it out.
        "section": _clean(item.get("articleSection")),
        "language": _clean(item.get("inLanguage")),
        "url": _clean(item.get("url")) or _clean(item.get("mainEntityOfPage")),
        "site": _clean(publisher.get("name")) if isinstance(publisher, dict) else None,
    }


def _json_ld_metadata(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The article fields of the page's JSON-LD objects, and the longest `articleBody`.

    A page often carries more than one (the article and its WebPage): for each field the
    first object that gives it wins, unless that was a generic WebPage and a real news
    article gives it later.
    """
    meta: dict[str, Any] = {}
    weights: dict[str, int] = {}
    for item in _json_ld_objects(tree):
        kinds = _json_ld_types(item)
        if not ARTICLE_TYPES.intersection(kinds):
            continue
        body = _article_body(item.get("articleBody"))
        if body and len(body) > len(meta.get("article_body", "")):
            meta["article_body"] = body
        weight = 0 if kinds == ["webpage"] else 1
        for key, value in _json_ld_article_fields(item).items():
            if value and (key not in meta or weight > weights.get(key, 0)):
                meta[key] = value
                weights[key] = weight
    return meta


def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """The page's <meta> contents by lower-cased property, name or itemprop; the first one wins."""
    tags: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = _clean(element.get("content"))
        if key and content and key not in tags:
            tags[key] = content
    return tags


def _add_meta_tag_fields(meta: dict[str, Any], tags: dict[str, str]) -> None:
    """The fields JSON-LD left empty, from the meta tags (Open Graph, article:, Sailthru...).

    og:title is kept apart: it is often the site's name, and `_best_title` judges it.
    """
    meta["og_title"] = tags.get("og:title") or tags.get("twitter:title")
    meta.setdefault("site", tags.get("og:site_name") or tags.get("application-name"))
    meta.setdefault(
        "published",
        _iso_date(tags.get("article:published_time"))
        or _iso_date(tags.get("og:published_time"))
        or _iso_date(tags.get("datepublished"))
        or _iso_date(tags.get("sailthru.date"))
        or _iso_date(tags.get("pubdate")),
    )
    meta.setdefault("section", tags.get("article:section"))
    meta.setdefault("subtitle", tags.get("og:description") or tags.get("description"))
    if not meta.get("authors"):
        author = tags.get("author") or tags.get("article:author") or tags.get("sailthru.author")
        # article:author is often the author's page, not a name.
        if author and not author.startswith(("http://", "https://")):
            meta["authors"] = [author]


def _canonical_link(tree: lxml.html.HtmlElement) -> str | None:
    link = tree.find(".//link[@rel='canonical']")
    return _clean(link.get("href")) if link is not None else None


def _html_lang(tree: lxml.html.HtmlElement) -> str | None:
    return tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")


def page_metadata(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """What the page says about itself: JSON-LD article data, meta tags, canonical link, lang.

    Only the fields found are kept. Besides the record's fields: `article_body` (JSON-LD's),
    `og_title`, `html_title` (the <title>) and `h1` (every <h1>'s text), for judging the title.
    """
    meta = _json_ld_metadata(tree)
    tags = _meta_tags(tree)
    _add_meta_tag_fields(meta, tags)
    canonical = _canonical_link(tree) or tags.get("og:url")
    if canonical:
        meta["canonical"] = canonical
    meta.setdefault("language", _html_lang(tree) or tags.get("og:locale") or tags.get("content-language"))
    title_element = tree.find(".//title")
    meta["html_title"] = _clean(title_element.text_content()) if title_element is not None else None
    meta["h1"] = [text for h1 in tree.iterfind(".//h1") if (text := _clean(h1.text_content()))]
    return {k: v for k, v in meta.items() if v}


def _language_code(value: str | None) -> str | None:
    match = LANGUAGE.match((value or "").strip().lower())
    return match.group(1) if match and len(match.group(1)) == 2 else None


# --- the body -------------------------------------------------------------------------------


BLOCK_TAGS = {"p", "head", "list", "item", "quote", "code", "table", "row", "div", "body", "graphic"}
INLINE_TAGS = {"hi", "ref", "del", "span"}


def body_paragraphs(body: etree._Element | None) -> list[tuple[str, bool]]:
    """trafilatura's XML body as (paragraph, is_heading) pairs, in reading order.

    Inline text (including `hi` and `ref`) gathers into the current paragraph; every block
    element starts a new one; two line breaks in a row end a paragraph, one is a newline.
    Table rows become one paragraph each, cells joined by " | ".
    """
    if body is None:
        return []
    collector = _ParagraphCollector()
    collector.walk(body)
    collector.end_paragraph()
    return collector.paragraphs


class _ParagraphCollector:
    """One walk over trafilatura's XML: the paragraphs so far, the text of the open one, and
    how many line breaks (<lb>) in a row came last, since two end the paragraph."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[str, bool]] = []
        self.buffer: list[str] = []
        self.breaks = 0

    def end_paragraph(self, is_heading: bool = False) -> None:
        lines = [SPACES.sub(" ", line).strip() for line in "".join(self.buffer).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs.append((text, is_heading))
        self.buffer.clear()

    def add_text(self, text: str | None) -> None:
        # Newlines in the XML's text are layout; only <lb> makes a line break.
        if text:
            if text.strip():
                self.breaks = 0
            self.buffer.append(text.replace("\n", " "))

    def line_break(self) -> None:
        self.breaks += 1
        if self.breaks >= 2:
            self.end_paragraph()
        else:
            self.buffer.append("\n")

    def walk(self, element: etree._Element) -> None:
        self.add_text(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is None:
                pass  # an XML comment or processing instruction: only its tail is text
            elif tag == "lb":
                self.line_break()
            elif tag == "row":
                self.end_paragraph()
                self.paragraphs.extend(table_row_paragraphs(child))
            elif tag == "head":
                self.end_paragraph()
                self.add_text("".join(child.itertext()))
                self.end_paragraph(is_heading=True)
            elif tag in BLOCK_TAGS or tag not in INLINE_TAGS:
                self.end_paragraph()
                self.walk(child)
                self.end_paragraph()
            else:
                self.walk(child)
            self.add_text(child.tail)


def table_row_paragraphs(row: etree._Element) -> list[tuple[str, bool]]:
    """A table row as paragraphs: a data row is one, its cells joined by " | "; in a page laid
    out in a table (a cell of LAYOUT_CELL_WORDS words or more) the cells hold paragraphs, kept
    as they are."""
    cells = [body_paragraphs(cell) for cell in row if isinstance(cell.tag, str)]
    if any(sum(count_words(text) for text, _ in cell) >= LAYOUT_CELL_WORDS for cell in cells):
        return [paragraph for cell in cells for paragraph in cell]
    texts = (" ".join(" ".join(text.split()) for text, _ in cell) for cell in cells)
    text = " | ".join(text for text in texts if text)
    return [(text, False)] if text else []


def _is_code(text: str) -> bool:
    """Script that leaked into the text (analytics snippets, inline handlers)."""
    symbols = sum(text.count(ch) for ch in "{};=()")
    return symbols >= 6 and symbols > len(text) / 25 and bool(CODE_WORDS.search(text))


def _is_label(text: str) -> bool:
    """A link or menu label: a few words with no sentence ending."""
    return len(text.split()) <= SHORT_PARAGRAPH_WORDS and not text.rstrip("\"'”’)»").endswith((".", "!", "?"))


def _is_furniture_line(text: str) -> bool:
    return len(text) <= FURNITURE_LINE_CHARS and bool(FURNITURE_LINE.match(text))


def drop_furniture(paragraphs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """What trafilatura's recall mode lets through around an article.

    A paragraph repeated word for word (a page that prints its article twice, a teaser above
    the text), leaked script, share and "Related" lines, and a trailing run of link labels
    (blogroll, "Most read", tag lists) are not article text.
    """
    seen: set[str] = set()
    kept: list[tuple[str, bool]] = []
    for text, is_heading in paragraphs:
        key = " ".join(text.casefold().split())
        if (key in seen and len(key.split()) >= 2) or _is_code(text) or _is_furniture_line(key):
            continue
        seen.add(key)
        kept.append((text, is_heading))
    end = len(kept)
    while end > 0 and _is_label(kept[end - 1][0]):
        end -= 1
    if len(kept) - end >= TRAILING_LABELS:
        kept = kept[:end]
    return kept


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def prefer_json_ld_body(paragraphs: list[tuple[str, bool]], article_body: str) -> list[tuple[str, bool]]:
    """The page's JSON-LD `articleBody` when it holds much more of the article than was found.

    A paywalled or script-built page often shows a teaser in its HTML while its JSON-LD
    carries the whole text. Its text is taken when it has half as many words again as the
    extracted body and holds most of that body's words (it is the same article, not another
    page's), or when next to nothing was extracted. Otherwise the extracted body stays, with
    its sub-headings.
    """
    found = sum(count_words(text) for text, _ in paragraphs)
    candidate = drop_furniture([(part, False) for part in article_body.split("\n\n")])
    offered = sum(count_words(text) for text, _ in candidate)
    if offered < THIN_BODY_WORDS:
        return paragraphs
    ours = _words(" ".join(text for text, _ in paragraphs))
    shared = len(ours & _words(article_body))
    # The same text in one run, where the JSON-LD keeps its paragraphs (trafilatura itself
    # falls back on articleBody, and joins it).
    if len(paragraphs) == 1 < len(candidate) and abs(offered - found) <= 0.1 * found and shared >= 0.9 * len(ours):
        return candidate
    if offered < JSON_LD_BODY_GAIN * found:
        return paragraphs
    if found >= THIN_BODY_WORDS and shared < JSON_LD_BODY_AGREEMENT * len(ours):
        return paragraphs
    return candidate


def link_texts(tree: lxml.html.HtmlElement) -> set[str]:
    """The squeezed text of every link on the page."""
    return {key for anchor in tree.iter("a") if (key := _squeezed(anchor.text_content()))}


def drop_trailing_links(paragraphs: list[tuple[str, bool]], links: set[str]) -> list[tuple[str, bool]]:
    """A run of paragraphs closing the body that are each one link (or a label or a share
    line) is a list of other stories: "More from this site", a blogroll, the footer."""
    end = len(paragraphs)
    while end > 0:
        text = paragraphs[end - 1][0]
        if not (_squeezed(text) in links or _is_label(text) or _is_furniture_line(" ".join(text.casefold().split()))):
            break
        end -= 1
    if len(paragraphs) - end >= TRAILING_LABELS and end > 0:
        return paragraphs[:end]
    return paragraphs


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def comment_container_text(tree: lxml.html.HtmlElement) -> tuple[str, str]:
    """The text of the page's reader-comment containers and of the whole page, squeezed
    (no whitespace, case-folded).

    A container is known by its id or class ("comments", "comment-list", "disqus_thread"),
    the way trafilatura prunes them when it is told to leave comments out. One that holds
    the headline (an <h1>) wraps the article too, and is not a comment container.
    """
    containers = [
        element
        for element in COMMENT_CANDIDATES(tree)
        if (COMMENT_ID.match(element.get("id") or "") or COMMENT_CLASS.search(element.get("class") or ""))
        and element.find(".//h1") is None
    ]
    if not containers:
        return "", ""
    chosen = set(containers)
    outermost = [element for element in containers if not any(a in chosen for a in element.iterancestors())]
    page = tree.find("body")
    return (
        "\x00".join(_squeezed(element.text_content()) for element in outermost),
        _squeezed((page if page is not None else tree).text_content()),
    )


def split_reader_comments(
    paragraphs: list[tuple[str, bool]], comment_text: str, page_text: str
) -> tuple[list[tuple[str, bool]], list[str]]:
    """The body's paragraphs that stand in the page's comment containers are reader comments.

    trafilatura's comment finder misses threads it does not know (a sports blog's nested
    replies, a comment list under an article), and its recall mode then takes them for
    article text. A paragraph that also stands outside the comments is the article's, which
    a reader quoted. Returns (article paragraphs, comment paragraphs).
    """
    # Each paragraph is looked for in the whole comment text: bounded, so a huge page with
    # thousands of paragraphs costs no more than a fraction of a second.
    if not comment_text or len(paragraphs) * (len(comment_text) + len(page_text)) > MAX_COMMENT_SCAN:
        return paragraphs, []
    article: list[tuple[str, bool]] = []
    comments: list[str] = []
    for text, is_heading in paragraphs:
        key = _squeezed(text)
        if key in comment_text and page_text.count(key) <= comment_text.count(key):
            comments.append(text)
        else:
            article.append((text, is_heading))
    return article, comments


def byline_authors(text: str) -> list[str]:
    """The names in a by-line paragraph ("By Ana Souto and Ben Okri"), else []."""
    if len(text) > MAX_BYLINE_CHARS:
        return []
    match = BYLINE.match(text)
    if not match:
        return []
    names = [" ".join(part.split()) for part in BYLINE_SEPARATORS.split(match.group(1))]
    names = [name.title() if name.isupper() else name for name in names if name]
    # Names are capitalised ("By the way, ..." is a sentence) and end without a full stop.
    capitalised = all(name.split()[0][0].isupper() and name.split()[-1][0].isupper() for name in names)
    if not names or not capitalised or re.search(r"\w{3,}\.$", text.strip()):
        return []
    return names if all(_plausible_name(name) for name in names) else []


def _plausible_name(name: str) -> bool:
    """Not a date, a number or a role that a page's author field sometimes holds."""
    words = name.split()
    if not words or len(words) > 6 or any(ch.isdigit() for ch in name) or "@" in name:
        return False
    return not (len(words) == 1 and words[0].lower().strip(".,") in NOT_NAMES)


def _similar(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\W+", " ", s.casefold()).strip()  # noqa: E731
    return bool(a and b) and fold(a) == fold(b)


def _best_title(
    meta: dict[str, Any], found: str | None, paragraphs: list[tuple[str, bool]], site_names: list[str]
) -> str | None:
    """The headline, from the most to the least trustworthy witness.

    JSON-LD's headline is written for machines and rarely wrong; og:title next, unless it
    is only the site's name. A blog's <h1> is often its own name, the same on every page,
    while the post's headline opens the body: a heading there that <title> ("Headline «
    Blog") also holds is the headline. Then any <h1> that <title> holds, then <title>
    without its site part.
    """
    if meta.get("headline"):
        return meta["headline"]
    html_title = meta.get("html_title") or ""
    folded_title = html_title.casefold()

    def is_site(text: str) -> bool:
        # "WSJ.com": a one-word title with a dot is a domain, the site's name.
        return any(_similar(text, name) for name in site_names) or bool(DOMAIN_LIKE.match(text.strip()))

    leading = [
        text for text, is_heading in paragraphs[:2] if is_heading and len(text.split()) >= 2 and not is_site(text)
    ]
    og_title = meta.get("og_title")
    if og_title and not is_site(og_title):
        if not leading or leading[0].casefold() in og_title.casefold() or leading[0].casefold() not in folded_title:
            return og_title
    for candidate in leading:
        if candidate.casefold() in folded_title:
            return candidate
    headings = [h for h in meta.get("h1", []) if len(h) > 3 and not is_site(h) and h.casefold() in folded_title]
    if headings:
        return max(headings, key=len)
    if html_title:
        parts = [part for part in TITLE_SEPARATORS.split(html_title) if part.strip()]
        if len(parts) > 1:
            parts = [part for part in parts if not is_site(part)] or parts
            return max(parts, key=len)
        return html_title
    return leading[0] if leading else found or og_title


def _first_words(body: str, count: int = 10) -> str:
    words = body.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _baseline_paragraphs(text: str, found: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    import trafilatura

    try:
        body, _, _ = trafilatura.baseline(text)
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError):
        return found
    fallback = drop_furniture(body_paragraphs(body))
    if sum(count_words(t) for t, _ in fallback) > 2 * sum(count_words(t) for t, _ in found):
        return fallback
    return found


def _without_huge_json_ld(tree: Any, text: str) -> str:
    """The page for trafilatura, without JSON-LD blocks longer than MAX_JSON_LD_CHARS: its
    JSON-LD reader normalises markup in them with regexes that take minutes on a crafted
    megabyte. Our own reading (`page_metadata`) has already had them."""
    huge = [s for s in tree.iterfind(".//script[@type='application/ld+json']") if len(s.text or "") > MAX_JSON_LD_CHARS]
    if not huge:
        return text
    for script in huge:
        script.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode")


def _run_trafilatura(text: str, url: str | None, **options: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        text,
        url=url,
        with_metadata=True,
        include_comments=True,
        include_tables=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
        **options,
    )


def _no_article_text(path: str) -> BadInputError:
    return BadInputError("no article text found in this HTML page", path=path, hint="is it an index or a login page?")


def _word_count(paragraphs: list[tuple[str, bool]]) -> int:
    return sum(count_words(text) for text, _ in paragraphs)


def _parse_page(html: str | bytes, *, path: str, charset: str | None) -> tuple[str, lxml.html.HtmlElement]:
    """The page as text (decoded, cut at MAX_HTML_BYTES) and as a tree; BadInputError when it
    is empty or not HTML."""
    if isinstance(html, bytes):
        text = decode_html(html[:MAX_HTML_BYTES], charset=charset)
    else:
        text = html[:MAX_HTML_BYTES]
    # lxml refuses str input that still carries an encoding declaration.
    text = XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise BadInputError("the HTML page is empty", path=path)
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise BadInputError(f"this is not an HTML page ({error})", path=path) from None
    return text, tree


def _trafilatura_document(page: str, url: str | None, path: str) -> Any:
    """trafilatura's reading of the page (body, comments, metadata); BadInputError when it
    fails or finds no body."""
    try:
        # Recall mode, but without readability and jusText: in that mode they replace its pick on
        # about as many news pages for the worse as for the better, and they cost time.
        document = _run_trafilatura(page, url, favor_recall=True, fast=True)
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError) as error:
        raise BadInputError(f"trafilatura failed on this page ({error})", path=path) from None
    if document is None or document.body is None:
        raise _no_article_text(path)
    return document


def _found_paragraphs(document: Any, page: str) -> list[tuple[str, bool]]:
    """trafilatura's body without the furniture its recall mode lets through."""
    paragraphs = drop_furniture(body_paragraphs(document.body))
    if _word_count(paragraphs) < THIN_BODY_WORDS:
        # trafilatura found next to nothing: its baseline (the page's longest text blocks) may
        # hold the article a comment list or a link list hid.
        paragraphs = _baseline_paragraphs(page, paragraphs)
    return paragraphs


def _separate_comments(
    paragraphs: list[tuple[str, bool]], document: Any, tree: lxml.html.HtmlElement
) -> tuple[list[tuple[str, bool]], list[str]]:
    """(article paragraphs, reader comments): trafilatura's comments, after the body
    paragraphs that stand in the page's comment containers."""
    comments = [text for text, _ in body_paragraphs(document.commentsbody)]
    article, leaked = split_reader_comments(paragraphs, *comment_container_text(tree))
    # Moving them must leave an article: when next to nothing is left, the body stays whole.
    if _word_count(article) < MIN_BODY_WORDS:
        return paragraphs, comments
    return article, leaked + [text for text in comments if text not in leaked]


def _without_leading_headline(paragraphs: list[tuple[str, bool]], title: str | None) -> list[tuple[str, bool]]:
    """The headline repeated at the top of the body is the title, not article text."""
    start = 0
    while start < len(paragraphs) and title and _similar(paragraphs[start][0], title):
        start += 1
    return paragraphs[start:]


def _without_byline(paragraphs: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[str]]:
    """The paragraphs without a by-line among the first three, and its names: the by-line is
    the authors field's business, not the article's."""
    for index, (text, _) in enumerate(paragraphs[:3]):
        names = byline_authors(text)
        if names:
            return paragraphs[:index] + paragraphs[index + 1 :], names
    return paragraphs, []


def _page_url(url: str | None, document: Any, meta: dict[str, Any]) -> str | None:
    """The page's canonical address, resolved against its own (given, else trafilatura's)."""
    base = url or _clean(document.url)
    canonical = meta.get("canonical")
    return urljoin(base, canonical) if canonical and base else canonical or base


def _record_authors(meta: dict[str, Any], byline_names: list[str], document: Any) -> list[str]:
    """The page metadata's authors, else the by-line's, else trafilatura's: each once, and
    only what could be a person's name."""
    authors = meta.get("authors") or byline_names or [
        name for part in (document.author or "").split(";") if (name := _clean(part))
    ]
    return [name for name in dict.fromkeys(authors) if _plausible_name(name)]


def _subtitle(meta: dict[str, Any], document: Any, body: str) -> str | None:
    subtitle = meta.get("subtitle") or _clean(document.description)
    # A description that is the body's opening (a teaser cut from it) adds nothing.
    return subtitle if subtitle and not body.startswith(subtitle[:60]) else None


def extract_html_article(
    html: str | bytes, *, url: str | None = None, path: str = "-", charset: str | None = None
) -> Article:
    """One Article from one HTML page; BadInputError when no article text can be found.

    `charset` is what the HTTP headers said (a WARC record's), used when the page says nothing.
    """
    page, tree = _parse_page(html, path=path, charset=charset)
    # Our reading of the page's metadata comes first: the huge JSON-LD blocks kept from
    # trafilatura are dropped from the tree as well, and page_metadata wants them.
    meta = page_metadata(tree)
    page = _without_huge_json_ld(tree, page)
    document = _trafilatura_document(page, url, path)

    paragraphs, comments = _separate_comments(_found_paragraphs(document, page), document, tree)
    paragraphs = drop_trailing_links(paragraphs, link_texts(tree))
    if meta.get("article_body"):
        paragraphs = prefer_json_ld_body(paragraphs, meta["article_body"])

    site_names = [name for name in (meta.get("site"), _clean(document.sitename)) if name]
    title = _best_title(meta, _clean(document.title), paragraphs, site_names)
    paragraphs = _without_leading_headline(paragraphs, title)
    paragraphs, byline_names = _without_byline(paragraphs)
    body = "\n\n".join(text for text, _ in paragraphs)
    if count_words(body) < MIN_BODY_WORDS:
        raise _no_article_text(path)

    return Article(
        title=title or _first_words(body),
        body=body,
        subtitle=_subtitle(meta, document, body),
        authors=_record_authors(meta, byline_names, document),
        site=meta.get("site") or _clean(document.sitename),
        section=meta.get("section"),
        published=meta.get("published") or (document.date if is_iso_date(document.date or "") else None),
        url=_page_url(url, document, meta),
        language=_language_code(meta.get("language")) or _language_code(document.language) or detect_language(body),
        headings=[text for text, is_heading in paragraphs if is_heading],
        tags=[],
        extra={"comments": "\n\n".join(comments)} if comments else {},
    )


def extract_html(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """The `html` format: one page, one Article.

    `context.options["url"]`, when given, is the page's address if it names no canonical one.
    """
    url = context.options.get("url")
    yield extract_html_article(data, url=url if isinstance(url, str) else None, path=context.path)
