"""The article's metadata, read from the blocks around the body: headline, standfirst,
section, site, news service, reviewer, by-line and publication date.

A headline is the block just above the body (skipping by-lines, dates, credits and other
furniture) that reads like one: a few capitalised words, not a sentence. When two such
blocks stand one above the other, the upper and shorter is the headline and the lower
the standfirst.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsarchive.extract.bylines import (
    is_organisation,
    is_person,
    parse_byline,
    parse_dateline,
    parse_name_stamp,
    parse_reviewer,
    parse_source,
    parse_source_line,
)
from newsarchive.extract.dates import find_dates, is_weekday, parse_date, split_dateline
from newsarchive.extract.furniture import SKIP_LINK, furniture_reason, is_box_heading, is_captioned, is_credit
from newsarchive.extract.textblocks import WIDGET, Block
from newsarchive.extract.textbody import is_alt_text, printed_again_below_label

# How far above the body the headline may be, in blocks; and how far a headline with its
# credit line right under it may be (past a video's playlist, a comment box, a share form).
HEADLINE_REACH = 30
CREDITED_HEADLINE_REACH = 60
# How far into the prose a standfirst and its credit lines may reach, in blocks.
STANDFIRST_REACH = 6
# Headline scoring: the cost of each block between a candidate and the body, and the
# weight of the share of its words that come back in the body.
DISTANCE_PENALTY = 0.03
OVERLAP_WEIGHT = 1.2
CREDIT_REACH = 3
CREDIT_BONUS = 0.4
# ...and half of it when another line stands between the candidate and its credits.
CREDIT_BONUS_FAR = 0.2
# Added to a candidate the page repeats elsewhere (a headline comes back in the document
# title, the breadcrumb, "Comments on ..." lines; a link title in a list does not).
REPEAT_BONUS = 0.6
# ...and to one of five words or more the page carries again as it is (see `_echoed`).
ECHO_BONUS = 0.3
# A headline found inside the article run cuts off what came before it when that is at most
# this share of the prose after it.
IN_RUN_SHARE = 0.5
# How many blocks above the body a date may stand and be the article's, when no headline
# stands further up.
DATE_REACH = 14
# The fewest words of a standfirst right over the by-line (else eight).
SHORT_DECK_WORDS = 5
# The most words of a standfirst between a headline and its credit line.
DECK_WORDS = 40
# The marks a text browser sets before list items: "•", "◦", "☆", "□", "*", "-".
LIST_MARK = re.compile(r"^(?:[^\w\"'“‘(\[]+|o\s+)+")
# A list item's mark as html-text, inscriptis ("* ", "+ ", "o ") and w3m ("• ", "□ ") set it.
LIST_ITEM = re.compile(r"^\s*(?:[•*·▪►▸◦‣○●■□☆★+–-]|o(?=\s))\s+")
QUOTES = "\"'“”‘’«»„"
# How a document title joins the headline to the site's name: "Headline - Site", "Site: Headline".
# (A site's name does not end in a colon: "Author | Tags:" is a line of labels.)
TITLE_JOIN = re.compile(r"^\s*[-|«»‹›–—:~·/>]+\s*[^\d\s][^\d]{2,60}(?<!:)$|[^\d\s][^\d]{2,60}?\s*[-|«»‹›–—:~·/>]\s*$")
# A sentence ending inside what follows a candidate on a line: a caption running on to its
# credit ("Headline! Caption. Photo: NAME | flickr|") ends two, a site's name after a mark
# one at most ("Headline - Yahoo! News").
SENTENCE_AFTER = re.compile(r"[.!?]\s+\w")
CAPTION_SENTENCES = 2
# The mark a document title sets between the headline and what follows it ("Headline - Site").
TITLE_SEPARATOR = re.compile(r"\s*[-|«»‹›–—~·/>]")
# The fewest words besides its date a date line needs to be a headline (see `dated_headline`),
# and the marks a headline sets before a date it names.
DATED_HEADLINE_WORDS = 2
DATE_JOINS = "-–—:,(|/"
# The words of a publication stamp around its date ("Published 18 May 2024, updated
# 09:40", "Publié le 18/05/2024 à 07h15, mis à jour à 09h40"): no headline's.
STAMP_WORDS = frozenset("""
    published publish updated update posted modified last and
    publié publiée mis jour modifié modifiée actualisé actualisée
    veröffentlicht aktualisiert zuletzt geändert und uhr
    publicado publicada actualizado actualizada atualizado atualizada horas
    pubblicato pubblicata aggiornato aggiornata alle ore
    gepubliceerd bijgewerkt laatst gewijzigd
""".split())
CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")
INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-Z]")
# A full stop inside a line that ends a sentence, not an abbreviation: after a word of three
# small letters or more ("... in PDF format. Order a reprint ..."; not "U.S. Army", "St. Louis",
# "Calif. Fires", "Justice Dept. Sues", whose abbreviations open with a capital).
SENTENCE_BREAK = re.compile(r"\b[a-z]{3,}[!?]?\.\s+[A-Z]")
# A headline wrapped onto a second line: its first line is at least this long, and the
# second has at most this many words.
WRAPPED_HEADLINE_CHARS = 50
WRAPPED_TAIL_WORDS = 6
BY_WORD = re.compile(r"\bby\b", re.I)
# A headline may open with a name spelt in lower case, known by a capital or a digit inside
# it ("iPhone 5 sales ...", "eBay buys ...", "x86 shipments drop ...").
LOWER_BRAND = re.compile(r"^[a-z]+(?:[A-Z]|\d)\w*\s")
# The longest line under a blog's date line, at the top of the body, that may be the headline
# though it ends like a sentence.
POST_HEADLINE_WORDS = 15
# The least share of its words a headline over a deck has in common with the body.
DECK_HEAD_OVERLAP = 0.25
# How near above the article run credit lines stand when they are the headline's.
CREDITS_ABOVE = 2
# Words of prose that must remain below a standfirst for it to be one.
STANDFIRST_MIN_REST = 40
PUBLISHED = re.compile(r"\b(?:published|posted|publié|veröffentlicht|publicado|pubblicato|gepubliceerd)\b", re.I)
UPDATED = re.compile(r"\b(?:updated|modified|mis à jour|aktualisiert|actualizado|aggiornato|atualizado|bijgewerkt)\b", re.I)
# The word a blog's masthead or tagline names it by ("The blog of NAME", "NAME's Blog",
# "A Blog About Food"): a line using it is the site's name, unless the article talks of
# blogs too. (The word is the same in the languages read.)
SITE_KINDS = frozenset({"blog", "weblog", "blogs"})
SITE_KIND = re.compile(r"\b(?:we)?blogs?\b", re.I)
SITE_KIND_PENALTY = 0.5
CAMEL_BRAND = re.compile(r"\b(?:on|for|from|at|to|with|by|visit|join)\s+((?:[A-Z][a-z]+){1,3}[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*)(?:['’]s)?\b")


# The word a logo's alt text ends in ("TIME Logo"), after the site's name.
LOGO_ALT = re.compile(r"\s*\blogo$", re.I)

# The last word of an author's job as a line under the by-line gives it.
JOB_TITLE = re.compile(r"\b(?:correspondent|reporter|editor|writer|columnist|journalist|producer|analyst)s?$", re.I)
ROLE_LINE = re.compile(
    r"^[\w &-]*(?:correspondent|reporter|editor|writer|columnist|journalist|producer),\s*(?P<org>[^,]{3,50})$", re.I
)


@dataclass
class Header:
    """What the page says about its article, with the block index each came from."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    site: str | None = None
    site_key: str | None = None  # what groups the page with its site's others (`_site_key`)
    source: str | None = None
    reviewer: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    roles: dict[int, str] = field(default_factory=dict)
    # Block index -> the metadata rule that claimed it (for explain mode).
    rules: dict[int, str] = field(default_factory=dict)

    def claim(self, index: int, role: str, rule: str) -> None:
        """Record that block `index` is this field's source, and why."""
        self.roles[index] = role
        self.rules[index] = rule


def strip_dateline(paragraph: str, dayfirst: bool | None) -> tuple[str | None, str | None, str]:
    """(date, source, rest) of a first paragraph opening with a dateline; (None, None, it) otherwise."""
    date, rest = split_dateline(paragraph, dayfirst=dayfirst)
    if date:
        return date, None, rest
    city = parse_dateline(paragraph)
    if city:
        source, date_text, rest = city
        return (parse_date(date_text, dayfirst=dayfirst) if date_text else None), source, rest
    return None, None, paragraph


# The most words of a credit line (a longer line is a sentence or a paragraph).
CREDIT_LINE_WORDS = 25


def meta_role(block: Block, dayfirst: bool | None = None) -> tuple[str, object] | None:
    """("byline", names), ("reviewer", name), ("source", name) or ("date", iso) for a credit line."""
    if block.words > CREDIT_LINE_WORDS or _placeholder(block):
        return None  # (an image's file name may carry a date: "[Screen-shot-2012-11-07]")
    reviewer = parse_reviewer(block.text)
    if reviewer:
        return "reviewer", reviewer
    names = parse_byline(block.text)
    if names:
        return "byline", names
    source = parse_source(block.text)
    if source:
        return "source", source
    dates = _shown_dates(block.text, dayfirst)
    # A line that is mostly a date ("Tuesday 24 July 2012 09.15 BST", "Updated: ..."), or
    # mostly dates and times ("Posted: 08/09/2012 9:21 am Updated: 08/09/2012 10:53 am").
    if dates and (block.words <= 12 or _words_beside_dates(block.text, dates) <= STAMP_OTHER_WORDS):
        # (a short line that closes a sentence tells of the date: "On 3 March 2021 she resigned.")
        if not _told_in_a_sentence(block, dayfirst) and not _closes_sentence(block.text, dates):
            return "date", dates[0][2]
    return None


def _shown_dates(text: str, dayfirst: bool | None) -> list[tuple[int, int, str]]:
    """The dates a line shows its reader: not those in a link's web address, where another
    story's date stands in its path ("](https://example.com/2020/01/17/...)", as Markdown
    and text browsers print a link's target)."""
    return [found for found in find_dates(text, dayfirst=dayfirst) if not _in_web_address(text, found[0])]


def _in_web_address(text: str, start: int) -> bool:
    """Whether the word holding position `start` is a web address, or a path in one."""
    word_start = max(text.rfind(" ", 0, start), text.rfind("(", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(WEB_ADDRESS.match(text, word_start)) or text[start - 1 : start] == "/"


# A sentence's close: a word's (or a year's) last two letters and its mark (not "p.m."),
# then a quote or a bracket; and the fewest words besides its dates a line needs to be a
# sentence ("On 3 March 2021 she resigned."), where a stamp may close with a full stop
# ("Tuesday, July 17, 2012.").
SENTENCE_CLOSE = re.compile(r"[^\W_]{2}[.!?…]['\"’”»)]*\s*$")
SENTENCE_WORDS = 3


def _closes_sentence(text: str, dates: list[tuple[int, int, str]]) -> bool:
    """Whether a line with these dates closes a sentence that tells of them."""
    return bool(SENTENCE_CLOSE.search(text)) and _words_beside_dates(text, dates) >= SENTENCE_WORDS


# The most words besides its dates and times a line of several of them has as a stamp.
STAMP_OTHER_WORDS = 4
CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\b\.?)?", re.I)


def _words_beside_dates(text: str, dates: list[tuple[int, int, str]]) -> int:
    """How many words a line has besides its dates and clock times, and besides an update
    stamped in brackets after them ("AFP 30 avril 2015 à 07:19 (Mis à jour : ...)")."""
    for start, end, _ in sorted(dates, reverse=True):
        text = text[:start] + " " + text[end:]
    text = re.sub(r"\([^()]*\)", lambda group: " " if CLOCK_TIME.search(group.group()) else group.group(), text)
    return len(CLOCK_TIME.sub(" ", text).split())


# An image's placeholder or file name run into the line after it.
IMAGE_PREFIX = re.compile(r"^(?:\[[^\]]{0,60}\]\s*)+(?=\S)|^[A-Za-z]+_\d{5,}\w*\s+(?=[A-Z0-9‘'\"“])")
# The most words of a menu's item (see `_menu_item`).
MENU_WORDS = 3
# A number of six digits or more with no separator is an identifier (a story's or an
# image's), which a headline does not carry: it writes "1,000,000" or "1m".
BARE_ID = re.compile(r"(?<![\w.,])\d{6,}(?![\w.,])")
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
# An image's file name or a page's slug, printed for its alt text: one token of three parts
# or more ("Ann-fisher-headshot-cropped", "harbour_light_2021"); a headline has spaces.
FILE_SLUG = re.compile(r"^[^\W_]+(?:[-_][^\W_]+){2,}$")
# A web address: a frame's or a link's target printed as it is ("IFRAME: http://...").
WEB_ADDRESS = re.compile(r"https?://|\bwww\.\w")
NOT_HEADLINE = re.compile(
    r"^\W*(?:by|von|par|por|door)\b|^\W*\d{1,2}[:.]\d\d"
    # a stamp's verb with what follows it in a stamp ("Posted on", "Written by", "Filed
    # under"); not the word alone, which a headline may use: "The Power of the Written Word"
    r"|\b(?:posted|written|filed)\s+(?:by|on|in|under|at|to)\b"
    # links to the posts around this one, and the labels of a blog's side boxes and of a
    # news page's topic links ("More: Google Search Longform")
    r"|^\W*(?:next|previous|prev|older|newer)\s+(?:post|article|entry|story)\b"
    # a link back to where the reader came from ("Back to the front page", "Return to top")
    r"|^\W*(?:back|return)\s+to\s+(?:the\s+)?(?:top|front\s+page|home\s*page|home|main\s+page|index)\W*$"
    r"|^\W*(?:tags?|labels?|categories|category|name|location|download|archives?|more)\s*:"
    # (the topic links may run on after the section's label: "Tech More: Google Search")
    r"|^\W*[^\W\d_]+\s+more\s*:"
    # a video player's list of keywords, with or without its colon ("Video Keywords ...")
    r"|^\W*(?:video\s+)?keywords\b"
    # (a footer's "Powered by WordPress" opens with it; a headline may say it further on:
    # "A Browser Powered by Scripts")
    r"|^\W*\d+\s+(?:responses|comments|replies|thoughts)\s+(?:to|on)\b|^\W*(?:proudly\s+)?powered\s+by\b"
    # a link past the menus, for readers of screens and keyboards ("Skip to main content")
    rf"|{SKIP_LINK}"
    # a link to the newsroom's standards, set among the credits ("Why you can trust us")
    # (the site's name or "us" after it; not a headline's "Why you can trust the polls again")
    r"|^\W*why\s+(?:you\s+can\s+trust\s+\S+(?:\s+\S+)?|trust\s+us)\W*$"
    r"|^\W*warum\s+sie\s+uns\s+vertrauen|^\W*pourquoi\s+nous\s+faire\s+confiance"
    # a dateline set on a line of its own, its dash waiting for the first sentence:
    # "New York CNN —", "LONDON –"
    r"|\s[—–]\s*$",
    re.I,
)


# A call to action: a promotion's or a button's line that bids the reader act, and when or
# where ("Buy tickets now!", "Get the book here!", "Subscribe today!"). A headline that
# exclaims tells ("It's here!"), it does not bid the reader buy or sign up.
CALL_TO_ACTION = re.compile(
    r"^\W*(?:buy|get|order|shop|subscribe|join|sign\s+up|click|download|try|grab|book|register|claim|watch|read|listen)\b"
    r"[^!?.]{0,60}\b(?:now|here|today|online)\s*!+\W*$"
    # (German bids with the verb last, "Jetzt Probeheft anfordern!"; French, Spanish and
    # Italian with the verb first, "Abonnez-vous !", "¡Suscríbete ahora!")
    r"|^(?:[^!?.]|\.(?=\S)){0,60}\b(?:anfordern|bestellen|abonnieren|herunterladen|downloaden|registrieren|anmelden)\s*!+\W*$"
    r"|^\W*(?:abonnez-vous|inscrivez-vous|téléchargez|commandez|suscríbete|regístrate|descarga|abbonati|iscriviti|scarica)\b[^!?.]{0,60}!+\W*$",
    re.I,
)


# A series' or a podcast's part number in brackets before a headline: "(16) Headline".
PART_NUMBER = re.compile(r"^\(\d{1,4}\)\s+(?=\S)")
# What a line that ends like a sentence loses as a headline candidate.
FULL_STOP_PENALTY = 0.7
ELLIPSES = ("…", "...")


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in CONTENT_WORD.findall(text)}


TRAILING_COUNT = re.compile(
    r"\s+\d+\s*(?:comments?|responses?|replies|kommentare|commentaires|comentarios|commenti|reacties)\s*$"
    # a bare count: after the headline's own end mark, or of three digits or more and not a year
    r"|(?<=[?!.:)\"”’'])\s+\d+\s*$|\s+(?!(?:19|20)\d\d\s*$)\d{3,}\s*$",
    re.I,
)


# A rule drawn under the headline with a run of marks ("____", "----", "===="): lynx prints
# a form's text field or an <hr> so, on the line right under it, and joins it to the block.
RULE_LINE = re.compile(r"\s+(?:_{4,}|-{4,}|={4,}|~{4,})\s*$")


def clean_headline(text: str) -> str:
    """A headline without the comment count some pages run on after it ("... 149 Comments")
    and without a rule drawn under it ("... ______")."""
    # Spacing made single first: on a long run of white space the pattern's leading \s+
    # would be tried at every position of the run (quadratic time).
    text = RULE_LINE.sub("", " ".join(text.split()))
    cleaned = TRAILING_COUNT.sub("", text)
    return cleaned if len(cleaned.split()) >= 3 else text


# A Markdown heading's mark, left in a copy whose markup was not read as Markdown.
HEADING_MARK = re.compile(r"^#{1,6}\s+(?=\S)")


def headline_text(block: Block) -> str:
    """A block's text as a headline: without the list marker a text browser puts before a
    headline set in a list or a Markdown heading's mark ("# Headline"), and without the
    image placeholders it runs into it ("[logo] Headline", "Shutterstock_116050180 Headline")."""
    text = HEADING_MARK.sub("", LIST_ITEM.sub("", block.text, count=1), count=1)
    return IMAGE_PREFIX.sub("", text, count=1) or text


def headline_score(
    block: Block,
    distance: int,
    body_words: set[str] | None = None,
    *,
    bulleted_ok: bool = False,
    dated: bool = False,
    numbered_ok: bool = False,
) -> float | None:
    """How much a block reads like a headline, `distance` blocks above the body; None if it cannot be one.

    A headline names what the article is about, so its words come back in the body:
    `body_words` (the content words of the body's opening) weighs that. A list item is a
    headline only where `bulleted_ok` says its credit line follows right under it, and a
    single word ("Vacations!") only where `dated` says a date line stands right above it,
    as a blog sets its posts. A headline opens with a series' part number in brackets
    ("(16) Headline") only where `numbered_ok` says so.
    """
    text = headline_text(block)
    listed = block.bullet or text != block.text and LIST_ITEM.match(block.text) is not None
    if block.words < (1 if dated else 2) or block.words > 35 or (listed and not bulleted_ok) or block.separators or text.startswith("["):
        return None
    if NOT_HEADLINE.search(text) or CALL_TO_ACTION.match(text) or BARE_ID.search(text) or FILE_SLUG.match(text) or WEB_ADDRESS.search(text):
        return None
    if is_box_heading(text) or _photo_credit_line(text) or is_captioned(text) or _tag_list(text):
        return None
    if text.startswith("«") or text.endswith("»"):
        return None  # a link to the post before or after this one
    reason = furniture_reason(text, block.words)
    if reason and (reason.startswith("always") or block.words <= 3):
        return None
    # Some blogs set their headlines in lower case ("fresh cranberry relish", "vSphere 5.1
    # ..."); trusted only right under the post's date line, where a caption does not stand.
    opening = PART_NUMBER.sub("", text, count=1) if numbered_ok else text
    first = opening[:1]
    if not (first.isupper() or first.isdigit() or first in "‘'\"“¿¡" or (dated and first.isalpha()) or LOWER_BRAND.match(opening)):
        return None
    score = 1.0 - DISTANCE_PENALTY * distance - (0.6 if reason and not _tells_of_furniture(block) else 0.0)
    if 4 <= block.words <= 20:
        score += 0.4
    elif block.words < 4:
        score -= 0.5
    # (a headline is one sentence, or a statement and its question: "Rooftops are crowded
    # with hives. Is that good for bees?"; two sentences else are prose, a caption, a notice;
    # a sentence ending inside quotation marks is a pull quote: "“We never meant harm.”")
    if text.rstrip(QUOTES).endswith(".") or (SENTENCE_BREAK.search(text) and not text.endswith("?")):
        score -= FULL_STOP_PENALTY
    if text.endswith(ELLIPSES):
        score -= 0.8  # a teaser cut short, not a headline
    if text.endswith((":", ",", ";")):
        score -= 1.0
    if block.capitalised >= 0.6:
        score += 0.2
    if text.isupper():
        score -= 0.3
    if _person_caption(text):
        score -= PERSON_CAPTION_PENALTY
    if body_words:
        own = content_words(text)
        if own:
            score += OVERLAP_WEIGHT * len(own & body_words) / len(own)
        if SITE_KIND.search(text) and not own & SITE_KINDS & body_words:
            score -= SITE_KIND_PENALTY
    return score


# A headline that names what a button or a link names too ("Does Google+ break the law?"): a
# sentence of this many words at least, with the stop words of one.
FURNITURE_HEADLINE_WORDS = 8
FURNITURE_HEADLINE_STOPS = 0.3


def _tells_of_furniture(block: Block) -> bool:
    """Whether a line that holds a furniture phrase (a network's name, "Comments", "Share")
    is a headline telling of it: a long line that reads as a sentence, where a button or
    a stamp is a few words, or a run of names and numbers."""
    return block.words >= FURNITURE_HEADLINE_WORDS and block.stop_density >= FURNITURE_HEADLINE_STOPS


# What a line loses that names a person and what they are, as a photo's caption does.
PERSON_CAPTION_PENALTY = 0.6
# The most words of the description after the name in such a caption.
PERSON_ROLE_WORDS = 6


def _person_caption(text: str) -> bool:
    """Whether a line names a person and says who they are, and nothing more, as a photo's
    caption does ("Ann Fisher, director of the ferry company"): a name, a comma, then a few
    words in lower case with no verb's clause after another comma. (A headline says what
    the person did: "Ann Fisher, ferry director, quits", "Ann Fisher quits".)"""
    name, comma, role = text.partition(",")
    role = role.strip()
    if not comma or not is_person(name) or not role[:1].islower():
        return False
    return "," not in role and len(role.split()) <= PERSON_ROLE_WORDS and not role.endswith(("?", "!"))


# A list of tags or keywords: this many short items or more, set apart by commas.
TAG_ITEMS = 4
TAG_ITEM_WORDS = 4
LIST_JOIN = re.compile(r"(?:^|\s)(?:and|or|&|und|et|y|e|en|o|ou|oder)(?:\s|$)", re.I)


def _tag_list(text: str) -> bool:
    """Whether a line is a list of tags ("Video, Ann Fisher, Harbour Board, Ferries, Tides"):
    short items set apart by commas, with no "and" in any of them, as a headline listing
    things would write it ("New Year, new laws: Obamacare, pot, guns and drones"), and no
    colon or mark ending a phrase. (A date's commas are no list's: "The Briefing,
    Thursday, November 8, 2012".)"""
    items = [item.strip() for item in text.split(",")]
    if len(items) < TAG_ITEMS or not all(items) or ":" in text or text.rstrip()[-1:] in ".!?" or find_dates(text):
        return False
    return all(len(item.split()) <= TAG_ITEM_WORDS and not LIST_JOIN.search(item) for item in items)


def read_header(blocks: list[Block], body: list[int], dayfirst: bool | None) -> Header:
    """The metadata of the page whose body is the blocks numbered `body` (in order).

    The steps run in this order because each narrows the next: credit lines first (they
    are never headlines), then the standfirst they may reveal, then the headline, then
    the fields read relative to the headline.
    """
    header = Header()
    if not blocks:
        return header
    first = body[0] if body else len(blocks)
    last = body[-1] if body else len(blocks) - 1
    metas: dict[int, tuple[str, object]] = {}
    for index in range(max(0, first - CREDITED_HEADLINE_REACH), min(len(blocks), first + STANDFIRST_REACH)):
        role = meta_role(blocks[index], dayfirst)
        # (a by-line under a short post's last paragraph is its footer, read as such below)
        if role and not (role[0] == "byline" and index > last):
            metas[index] = role
    for index in _teaser_bylines(blocks, metas):
        metas.pop(index, None)
        header.claim(index, "teaser", "a by-line in a box of links to other stories")
    first = _standfirst_over_credits(header, blocks, body, first, metas)
    title_index = _headline(header, blocks, body, first, metas)
    lowest = title_index if title_index is not None else max(0, first - 8)
    _credit_lines(header, blocks, metas, lowest, dayfirst)
    if title_index is not None:
        section = _section(blocks, title_index, metas)
        if section:
            header.section = section[1]
            header.claim(section[0], "section", "the short label nearest above the headline")
        if not header.authors:
            _bare_name_byline(header, blocks, metas, title_index, first)
    brand = _named_brand(blocks)
    header.site = _site(blocks, header.title, brand)
    header.site_key = _site_key(blocks, header.site, brand)
    if body:
        date, source, _ = strip_dateline(blocks[first].text, dayfirst)
        header.published = header.published or date
        header.source = header.source or source
    if not header.source:
        _source_after_byline(header, blocks, metas, lowest)
    if not header.source:
        for index in list(range(max(0, lowest), first)) + list(range(last + 1, min(len(blocks), last + 6))):
            name = parse_source_line(blocks[index].text)
            if name:
                header.source = name
                header.claim(index, "source", "a 'Source:' line")
                break
    if not header.published:
        header.published = _nearest_date(blocks, first, last, dayfirst, title_index)
    if not header.published:
        header.published = (
            _stamp_in_run(blocks, first, last, dayfirst)
            or _labelled_stamp_above(blocks, first, dayfirst)
            or _masthead_date(blocks, first, dayfirst)
        )
    if not header.authors and body:
        # Blogs put "Posted by NAME" or "NAME — DATE — in Topic" under the article (not
        # under a "Comments" heading: those are the readers').
        for index in range(last + 1, min(len(blocks), last + 4)):
            if is_box_heading(blocks[index].text):
                break
            names = parse_byline(blocks[index].text) or parse_name_stamp(blocks[index].text)
            if names and not _readers_stamp(blocks, index, names[0]):
                header.authors = names
                header.published = header.published or _stamp_on_line(blocks[index], dayfirst)
                header.claim(index, "byline", "by-line under the article")
                break
    if not header.authors and body:
        _author_box_under_article(header, blocks, body)
    return header


def _standfirst_over_credits(
    header: Header, blocks: list[Block], body: list[int], first: int, metas: dict[int, tuple[str, object]]
) -> int:
    """A prose block above the credit lines is the standfirst, not the body's first
    paragraph; returns where the body really starts."""
    inside = [i for i in metas if i > first]
    # (under credits that already stand right above the run, a date line inside it is the
    # article's own, an event's date, and the prose above it is the article's opening; a
    # news service's name there is more often the section's: "Food and Drink News")
    if not inside or any(metas.get(i, ("source",))[0] != "source" for i in range(first - CREDITS_ABOVE, first)):
        return first
    # ...unless it is all the prose there is: a one-paragraph post followed by its stamp.
    remaining = sum(blocks[i].words for i in body if i > max(inside))
    if remaining < STANDFIRST_MIN_REST:
        return first
    before = [i for i in body if i < max(inside)]
    # (under the standfirst, a page may print the headline again over the photo and the
    # photo's caption: short lines that are no sentences, and no prose of the article)
    prose = [i for i in before if not _picture_line(blocks[i])] if len(before) > 1 else before
    # (a short line that does not end with a full stop, right above the credits, is the
    # headline itself: "Do more capable workers get better working conditions?")
    if len(prose) == 1 and blocks[prose[0]].words <= 60 and not _headline_over_credits(blocks, prose[0], metas):
        header.subtitle = blocks[prose[0]].text
        header.claim(prose[0], "subtitle", "prose between the headline and the credit lines")
    if len(prose) <= 1:
        for index in set(before) - set(prose):
            header.claim(index, "caption", "the headline again or a photo's caption, between the standfirst and the credit lines")
        rest = [i for i in body if i > max(inside)]
        if rest:
            return rest[0]
    return first


# The most words of a photo's caption under the standfirst (see `_picture_line`).
CAPTION_WORDS = 30


def _picture_line(block: Block) -> bool:
    """Whether a block reads as a line printed with a photo (its alt text, its caption), not
    as the article's prose: short, and no sentence."""
    return block.words <= CAPTION_WORDS and not block.ends_sentence


def _headline_over_credits(blocks: list[Block], index: int, metas: dict[int, tuple[str, object]]) -> bool:
    """Whether block `index`, taken into the body, reads as the headline standing over its
    credit lines: one short line, right above a credit line, not ending in a full stop; or
    a short one the document title a copy opens with names ("Goats ruled this island. Now
    it's reborn. | Site")."""
    block = blocks[index]
    if block.words <= SENTENCE_HEADLINE_WORDS and _in_document_title(blocks, index):
        return True
    return index + 1 in metas and block.words <= POST_HEADLINE_WORDS and len(block.lines) == 1 and not block.text.endswith((".", ":", ";", ","))


def _in_document_title(blocks: list[Block], index: int) -> bool:
    """Whether the document title a copy opens with names block `index` ("Headline | Site")."""
    return _repeated(_page_lines(blocks[:3]), blocks[index].text.casefold(), index)


def _headline(
    header: Header, blocks: list[Block], body: list[int], first: int, metas: dict[int, tuple[str, object]]
) -> int | None:
    """Pick the headline (and a standfirst beside it); returns its block index. In a lynx
    copy of a blog's post, the headline the post's comment feed names wins (see
    `_post_feed_title`)."""
    opening = " ".join(blocks[i].text for i in body[:8])
    body_words = content_words(opening[:3000])
    # (the body's first block may itself be the post's headline: see `_heads_post`)
    top = first + 1 if _heads_post(blocks, body, first) else first
    candidates = _headline_candidates(header, blocks, top, metas, body_words)
    feed = _post_feed_title(blocks)
    if feed is None:
        return _best_headline(header, blocks, body, first, metas, candidates, body_words)
    named = _named_by_feed(blocks, candidates, feed)
    if named is not None:
        header.title = clean_headline(headline_text(blocks[named]))
        header.claim(named, "title", "the headline the post's comment feed names in the link titles")
        if header.subtitle is None:
            _standfirst_below(header, blocks, named, first, metas)
        return named
    # (no line above the body reads so: they may be a sidebar's; the block picked still
    # tells where the credits stand)
    title_index = _best_headline(header, blocks, body, first, metas, candidates, body_words)
    header.title = feed
    return title_index


def _best_headline(
    header: Header,
    blocks: list[Block],
    body: list[int],
    first: int,
    metas: dict[int, tuple[str, object]],
    candidates: list[tuple[float, int]],
    body_words: set[str],
) -> int | None:
    """The headline among the candidates, weighed against the lines beside it (and a
    standfirst beside it); returns its block index."""
    if not candidates:
        return _standfirst_as_headline(header, blocks)
    # The highest score wins; on a tie, the candidate nearest the body (listed first).
    score, title_index = max(candidates, key=lambda candidate: candidate[0])
    title_index = _headline_over_deck(header, blocks, metas, title_index, score, body_words)
    title_index = _headline_over_subtitle(header, blocks, metas, title_index)
    title_index = _headline_under_kicker(blocks, metas, title_index, first)
    title_index = _fuller_above(blocks, metas, title_index)
    # A text browser wraps a long headline onto a second line of its own: join the two.
    head = _wrapped_head(blocks, title_index, metas)
    if head is not None:
        title_index = head
    tail = _wrapped_tail(blocks, title_index, first, metas)
    title = _dated_candidate(blocks, metas, title_index) if title_index in metas else _unnumbered(blocks, title_index)
    if tail is not None:
        title = f"{title} {blocks[tail].text}"
        header.claim(tail, "title", "the headline's second line, wrapped by the text browser")
    header.title = clean_headline(title)
    header.claim(title_index, "title", f"reads most like a headline above the body (score {score:.2f})")
    if header.subtitle is None:
        _standfirst_below(header, blocks, tail if tail is not None else title_index, first, metas)
    return title_index


# The titles lynx prints, on the line it opens a copy with ("#Site » Feed Site » Comments
# Feed ..."), for the page's links to its feeds: a blog's post links to its own comment
# feed, titled with the post's headline ("Site » Headline Comments Feed"), in the blog
# software's language. The blog's own comment feed ("Site » Comments Feed") names no post.
LINK_TITLES_MARK = "#"
POST_FEED = re.compile(
    r"»\s*([^»]+?)\s+(?:Comments\s+Feed|Kommentar-?\s?Feed|Flux\s+des\s+commentaires"
    r"|Feed\s+de\s+(?:los\s+)?comentari?os|Feed\s+de\s+comentários|Feed\s+dei\s+commenti|Reacties\s?feed)\b",
    re.I,
)
# Other blog software titles it "Comments on 'Headline' (Atom)", "... (RSS 2.0)".
COMMENTS_ON_FEED = re.compile(r"\bComments\s+on\s+['‘\"“](.+?)['’\"”]\s+\((?:Atom|RSS)\b[^()]*\)")
# How far down the page lynx's line of link titles may start (under a tracking pixel's name).
LINK_TITLES_REACH = 3


def _post_feed_title(blocks: list[Block]) -> str | None:
    """The headline a blog post's comment feed names in lynx's line of link titles (see
    POST_FEED, COMMENTS_ON_FEED), or None. The line goes on, wrapped, over the blocks under
    it with no gap."""
    top = next((b.index for b in blocks[:LINK_TITLES_REACH] if b.text.startswith(LINK_TITLES_MARK)), None)
    if top is None:
        return None
    end = top + 1
    while end < len(blocks) and not blocks[end].blank_before:
        end += 1
    titles = " ".join(block.text for block in blocks[top:end])
    named = POST_FEED.search(titles) or COMMENTS_ON_FEED.search(titles)
    # (blog software may escape the title twice, so that lynx prints "&rsquo;" as it is)
    return clean_headline(html.unescape(named.group(1))) if named else None


def _named_by_feed(blocks: list[Block], candidates: list[tuple[float, int]], feed: str) -> int | None:
    """The candidate (the nearest the body) that reads as the headline the post's comment
    feed names (see `_post_feed_title`), or None."""
    wanted = _folded_headline(feed)
    return next((index for _, index in candidates if _folded_headline(headline_text(blocks[index])) == wanted), None)


QUOTES_AS_APOSTROPHES = str.maketrans(dict.fromkeys(QUOTES, "'"))


def _folded_headline(text: str) -> str:
    """A headline as two copies of it compare: case, quotation marks and spacing folded."""
    return " ".join(text.casefold().translate(QUOTES_AS_APOSTROPHES).split())


# An ordered list's number before its item, as text tools print it ("4. Item").
LIST_NUMBER = re.compile(r"^\s*(\d{1,2})\.\s+(?=\S)")


def _unnumbered(blocks: list[Block], index: int) -> str:
    """Block `index` as a headline (see `headline_text`), without the number an ordered
    list sets before it when the line above is the list's item before ("3. Section" /
    "4. Headline"): a breadcrumb printed as a numbered list ends with the page's headline.
    (A headline may open with a number of its own: "1. FC Köln wins the cup".)"""
    text = headline_text(blocks[index])
    number = LIST_NUMBER.match(text)
    if number is None or index == 0:
        return text
    above = LIST_NUMBER.match(blocks[index - 1].lines[-1] if blocks[index - 1].lines else blocks[index - 1].text)
    if above is None or int(above.group(1)) + 1 != int(number.group(1)):
        return text
    rest = text[number.end():]
    return HEADING_MARK.sub("", rest, count=1)


# The most words of a headline told in sentences ("Goats ruled this island. Now it's reborn.").
SENTENCE_HEADLINE_WORDS = 20


def _standfirst_as_headline(header: Header, blocks: list[Block]) -> int | None:
    """The headline, when nothing above the prose over the credit lines reads as one: that
    prose, taken for the standfirst (see `_standfirst_over_credits`), is a headline told in
    a sentence or two ("Goats ruled this island for a century. Now it's reborn." / By
    NAME), short as a headline is. Returns its block index."""
    index = next((i for i, role in header.roles.items() if role == "subtitle"), None)
    if index is None or blocks[index].words > SENTENCE_HEADLINE_WORDS or len(blocks[index].lines) > 2:
        return None
    header.subtitle = None
    header.title = clean_headline(headline_text(blocks[index]))
    header.claim(index, "title", "the line over the credits, where nothing above reads as a headline")
    return index


def _heads_post(blocks: list[Block], body: list[int], first: int) -> bool:
    """Whether the body's first block (`first`) may be the post's headline though it ends
    like a sentence ("Backwards!", "How much is enough?", "Time to add yours."): a short
    line right under a blog's date line, or one the page names again as its document title
    ("It's here! | Site" at the top), with more of the body after it. It is weighed
    against the lines above like them."""
    if first not in body or first == body[-1]:
        return False
    block = blocks[first]
    if block.words > POST_HEADLINE_WORDS or len(block.lines) > 1 or block.text.endswith((":", ",", ";")):
        return False  # (a line ending in a colon introduces what follows)
    if under_post_date(blocks, first):
        return True
    return block.words >= 3 and _repeated(_page_lines(blocks), block.text.casefold(), first)


def dated_headline(block: Block, role: tuple[str, object]) -> str | None:
    """The headline in a date line, if it holds one besides the date: a headline that names
    its date ("The Week: July 20, 2012", "The Briefing, Thursday, November 8, 2012",
    "Downloads of the Week - November 8, 2012"), or one a text browser printed with the
    post's date run on after it ("Not gone into hiding 29 August, 2011": the date goes).
    A line that opens with its date (a weekday aside) is none: a press release's dateline
    ("Monday, March 3, 2021 -- Harbour Board ..."). (A stamp's other words do not read as
    a headline's: `headline_score` turns down "Posted on", "Filed under".)"""
    dates = find_dates(block.text)
    if role[0] != "date" or len(dates) != 1:
        return None
    start, end, _ = dates[0]
    before, after = _unwrapped_date(block.text[:start].rstrip(), block.text[end:].strip())
    # (the date's weekday is the date's: "Date Sunday, March 7, 2021 at 8:02AM" is a stamp)
    words = [w for w in CONTENT_WORD.findall(f"{before} {after}") if w.casefold() not in STAMP_WORDS and not is_weekday(w)]
    if len(words) < DATED_HEADLINE_WORDS or not any(not is_weekday(w) for w in CONTENT_WORD.findall(before)):
        return None
    # (a date joined to the words before it by a mark is the headline's own)
    if not after and before and before[-1] not in DATE_JOINS:
        return before
    return block.text


# The mark that sets a date in emphasis ("Headline *3 March, 2021*"): Markdown keeps it
# around a date printed in italics on the headline's line.
EMPHASIS_MARKS = "*"


def _unwrapped_date(before: str, after: str) -> tuple[str, str]:
    """The text before and after a date without the emphasis marks wrapped around it: the
    same mark on both sides of the date is the date's own, not the headline's."""
    mark = before[-1:]
    if mark and mark in EMPHASIS_MARKS and after[:1] == mark:
        return before.rstrip(EMPHASIS_MARKS).rstrip(), after.lstrip(EMPHASIS_MARKS).strip()
    return before, after


def _dated_candidate(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> str | None:
    """The headline in date line `index` (see `dated_headline`), unless the line next to it
    holds one too: one after the other, they are a list of dated links ("Related")."""
    if any(i in metas and dated_headline(blocks[i], metas[i]) for i in (index - 1, index + 1)):
        return None
    return dated_headline(blocks[index], metas[index])


# A blog's links to the posts on either side of this one, over its headline: "« Older post
# | Main | Newer post »", "« Previous Post | Next post »". What stands above them is the
# blog's masthead and sidebar. (A tool may break the line after its first or before its
# last link.)
POST_LINKS = re.compile(r"^\s*«[^|»]*\||\|[^|«]*»\s*$")
POST_LINKS_PENALTY = 1.0


def _headline_candidates(
    header: Header, blocks: list[Block], first: int, metas: dict[int, tuple[str, object]], body_words: set[str]
) -> list[tuple[float, int]]:
    """(score, block index) of every block above block `first` that may be the headline,
    the nearest first. Credit lines and blocks already claimed are skipped and do not
    count in the distance."""
    folded = [block.text.casefold() for block in blocks]
    lines = _page_lines(blocks)
    candidates = []
    distance = 0
    beyond = 0.0
    for index in range(first - 1, max(-1, first - 1 - CREDITED_HEADLINE_REACH), -1):
        if index < first - HEADLINE_REACH and _credit_under_share_bar(blocks, metas, index) is None:
            continue
        # (a post's headline stands under the links to the posts on either side of it)
        if candidates and POST_LINKS.match(blocks[index].text):
            beyond = POST_LINKS_PENALTY
        dated_text = _dated_candidate(blocks, metas, index) if index in metas else None
        if (index in metas and dated_text is None) or index in header.roles:
            continue
        distance += 1
        dated = _under_bare_date(blocks, metas, index)
        # (a one-word headline stands under a blog's date line, or over its by-line)
        bylined = metas.get(index + 1, ("",))[0] == "byline"
        score = headline_score(blocks[index], distance, body_words, bulleted_ok=index + 1 in metas, dated=dated or bylined, numbered_ok=True)
        if score is None or _menu_item(blocks, index) or _picture_text(blocks, index) or _form_part(blocks, index):
            continue
        if _author_name(blocks, index) or _masthead_twice(blocks, index) or _title_partner_below(blocks, index, first):
            continue
        # (a headline read from a date line is named again without the date it ran on to)
        score += _repeat_bonus(blocks[index], lines, dated_text.casefold() if dated_text else folded[index])
        if _ends_breadcrumb(blocks, index):
            score += BREADCRUMB_BONUS
        score += _credit_bonus(blocks, metas, index, distance, dated) - beyond
        if _in_link_titles(blocks, metas, index):
            score -= LINK_TITLES_PENALTY
        # (a headline cut short over its credit line is a headline that trails off, "What
        # Happens Next...": its ellipsis is no full stop; a teaser's has no credits under it)
        if index + 1 in metas and headline_text(blocks[index]).endswith(ELLIPSES):
            score += FULL_STOP_PENALTY
        candidates.append((score, index))
    return candidates


# The most words of a share bar's button ("Share on Google Plus", "Resize Text"), and the
# share of its buttons that must be furniture phrases (some are a site's own: "More Options").
SHARE_BUTTON_WORDS = 4
SHARE_BAR_FURNITURE = 0.5


def _credit_under_share_bar(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> int | None:
    """The by-line or date line under block `index`, right under it or past nothing but a
    share bar ("Headline" / "Share on Facebook" / ... / "Print Article" / "By NAME"), as a
    news page sets them; a text browser prints each button on a line of its own, and a
    headline so credited stands many blocks above the body. Returns its block index."""
    below = index + 1
    while below < len(blocks) and below not in metas and blocks[below].words <= SHARE_BUTTON_WORDS:
        below += 1
    if metas.get(below, ("",))[0] not in ("byline", "date"):
        return None
    buttons = range(index + 1, below)
    furniture = sum(furniture_reason(blocks[i].text, blocks[i].words) is not None for i in buttons)
    return below if furniture >= SHARE_BAR_FURNITURE * len(buttons) else None


# A form's text field as lynx prints it: a run of underscores on its label's line ("Your
# Email Address_______", "Zip ____"). (A rule drawn under a headline is a line of its own.)
FORM_FIELD = re.compile(r"[^\W_]\s?_{3,}")


def _form_part(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is part of a form: a field's label, or the button set right
    under the field ("Email ____" / "Sign-Up")."""
    if any(FORM_FIELD.search(line) for line in blocks[index].lines):
        return True
    return index > 0 and not blocks[index].blank_before and any(FORM_FIELD.search(line) for line in blocks[index - 1].lines[-1:])


def _picture_text(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is text printed with a photo: its credit, its caption, its alt
    text, a slideshow's slide title."""
    return (
        _photo_credit(blocks, index)
        or _over_photo_credit(blocks, index)
        or _alt_over_caption(blocks, index)
        or _alt_cut_short(blocks, index)
        or _gallery_slide(blocks, index)
        or _caption_printed_twice(blocks, index)
        or _alt_and_title(blocks, index)
    )


# A slideshow's counter on a line of its own: "1 of 24", "Photo 3 / 12", "2 sur 9".
SLIDE_COUNTER = re.compile(
    r"^\W*(?:(?:photos?|images?|pictures?|slides?|fotos?|bild|diapo)\s+)?\d{1,3}\s*(?:of|/|sur|de|von|di|van)\s*\d{1,3}\W*$", re.I
)
# How many of a slideshow's buttons may stand between its counter and the slide's title
# ("Full Screen" / "Autoplay" / "Close" / "Skip Ad" / "×").
SLIDE_CONTROLS = 8


def _gallery_slide(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is the title of a slideshow's slide: it stands under the
    slideshow's counter ("1 of 24"), past its buttons at most. A news page embeds a gallery
    between the by-line and the article, and the first slide's title reads as a headline,
    names the article's subject and stands right over the body."""
    for above in range(index - 1, max(-1, index - 2 - SLIDE_CONTROLS), -1):
        if SLIDE_COUNTER.match(blocks[above].text):
            return True
        if blocks[above].words > BUTTON_WORDS:
            return False
    return False


# The fewest words of a caption that is a sentence (see `_caption_printed_twice`).
CAPTION_SENTENCE_WORDS = 8


def _caption_printed_twice(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a photo's caption a gallery prints twice, as its blurb and
    again under a short label ("Security forces stormed the museum." / "Caption" / the
    same). A caption tells in a sentence; a headline printed twice with a button between
    ends with no full stop."""
    block = blocks[index]
    if not block.ends_sentence or block.words < CAPTION_SENTENCE_WORDS:
        return False
    return printed_again_below_label(blocks, index) or (index >= 2 and printed_again_below_label(blocks, index - 2))


def _alt_and_title(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a picture's text: a phrase printed twice on end ("Ann Fisher
    on the quay Ann Fisher on the quay"), as a text browser runs a picture's alt text into
    its title, or the caption under such a line that says it once more. A headline is
    never printed so."""
    return _doubled(blocks[index].text) or (index > 0 and blocks[index - 1].text == f"{blocks[index].text} {blocks[index].text}")


# The fewest words of a phrase printed twice on end (see `_doubled`): not "Yeah Yeah".
DOUBLED_WORDS = 3


def _doubled(text: str) -> bool:
    """Whether a line is one phrase of some words twice over ("A B C A B C")."""
    words = text.split()
    half = len(words) // 2
    return half >= DOUBLED_WORDS and len(words) % 2 == 0 and words[:half] == words[half:]


# An image's placeholder as a text browser prints it: its file name in brackets, one word
# with a digit, dot, dash or underscore in it ("[120723-keeper-1230p]", "[quay.jpg]"); not a
# form's field or button ("[Search        ]", "[Go]").
IMAGE_NAME = re.compile(r"^\s*\[[\w.-]*[\d._-][\w.-]*\]\s*$")


def _photo_credit(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a photo's credit: a person's name alone right under the
    image's placeholder ("[harbour-keeper-1230p]" / "Ann Fisher"), as w3m and lynx print a
    picture; html-text leaves the placeholder out, and the name then reads as any short line."""
    return index > 0 and IMAGE_NAME.match(blocks[index - 1].text) is not None and is_person(headline_text(blocks[index]))


# The most words of a photo's credit on a line of its own ("Getty Images/Sipa USA").
PHOTO_CREDIT_WORDS = 8


# A picture's credit that names its maker after "by" ("Illustration by Ann Lee", "Photo by
# Sam Keel", "Images courtesy of the Harbour Board").
MADE_BY = re.compile(r"^\W*(?:photo(?:graph)?s?|illustrations?|images?|pictures?|graphics?|artwork)\s+(?:by|courtesy\s+of)\s+\S", re.I)


def _photo_credit_line(text: str) -> bool:
    """Whether a line is a picture's credit (see `is_credit`, `MADE_BY`)."""
    return is_credit(text) or MADE_BY.match(text) is not None


def _over_photo_credit(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a photo's caption: the line right over the photo's credit
    ("Samuel Alito and Elizabeth Prelogar" / "Getty Images/Sipa USA"), or over the same
    line again (a text browser prints the picture's alt text, then its caption). Not where
    the article's by-line or date follows the credit: a headline over a picture without a
    caption has the credit under it too ("Headline / Illustration by Ann Lee / By NAME").
    The line is a caption too where the next one repeats it with the credit run on after
    it ("NAME, harbour master" / "NAME, harbour master Photo: Ann Lee")."""
    credit = index + 1
    while credit < len(blocks) and blocks[credit].text == blocks[index].text:
        credit += 1
    if credit < len(blocks) and blocks[credit].text.startswith(blocks[index].text) and is_captioned(blocks[credit].text):
        return True
    if credit + 1 >= len(blocks) or blocks[credit].words > PHOTO_CREDIT_WORDS or not _photo_credit_line(blocks[credit].text):
        return False
    # (a line naming a person and their role over the credit is the caption all the same)
    return not _credit_line(blocks[credit + 1]) or _person_caption(headline_text(blocks[index]))


def _alt_over_caption(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a photo's alt text printed over its caption: a sentence
    ("NAME is pictured.") right over a longer line that carries the photo's credit ("...
    carried are poised to lose votes. | AP Photo"). (A headline, no sentence, may stand
    over a caption where the picture has no alt text.)"""
    if index + 1 >= len(blocks) or not blocks[index].text.rstrip(QUOTES).endswith("."):
        return False
    caption = blocks[index + 1]
    return caption.words > blocks[index].words and (is_credit(caption.text) or is_captioned(caption.text))


def _alt_cut_short(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a photo's alt text cut short over its caption: the line
    under it opens with the same words and goes on from the middle of a word ("... to the
    islands would st" / "... to the islands would stop for good. Source: Supplied"), as a
    page cuts the alt text it prints and a text browser shows it over the caption.
    (A headline cut short by the page trails off with an ellipsis.)"""
    if index + 1 >= len(blocks):
        return False
    text, caption = blocks[index].text, blocks[index + 1].text
    return len(caption) > len(text) and caption.startswith(text) and caption[len(text)].isalnum() and text[-1:].isalnum()


# What a candidate loses that stands in a list of other stories' titles (see `_in_link_titles`).
LINK_TITLES_PENALTY = 0.5
# The fewest and the most words of the other story's title beside it.
LINK_TITLE_WORDS = 3
LINK_TITLE_WORDS_MAX = 20


def _in_link_titles(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> bool:
    """Whether block `index` is one of a list of other stories' titles a page prints line
    under line with no gap ("Previous: Headline" / "Next: Headline", "Most read"): the line
    right above or below it, with no gap between, reads as a headline too. A page sets
    its own headline apart, with a gap or its credit lines around it. (Not the second
    line of a headline a text browser wrapped: see `_wrapped_tail`.)"""
    if _wrapped_tail(blocks, index, len(blocks), metas) is not None or _wrapped_head(blocks, index, metas) is not None:
        return False
    # (no gap: the lower of the two has no blank line before it)
    neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(blocks) and not blocks[max(i, index)].blank_before]
    return any(_link_title(blocks[i]) and i not in metas for i in neighbours)


def _link_title(block: Block) -> bool:
    """Whether a line reads as a story's title in a list of links: a few words, no
    full stop, no credit line, that `headline_score` would take."""
    if not LINK_TITLE_WORDS <= block.words <= LINK_TITLE_WORDS_MAX or block.text.rstrip(QUOTES).endswith(".") or _credit_line(block):
        return False
    return headline_score(block, 0) is not None


# What a candidate gains that a breadcrumb right above it ends with (see `_ends_breadcrumb`).
BREADCRUMB_BONUS = 0.6
# How many blocks above the candidate the breadcrumb may end.
BREADCRUMB_REACH = 2


def _ends_breadcrumb(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is the item a breadcrumb right above it ends with: a trail of
    list items ("• News • Science • Headline", "1. Home 2. Science 3. Headline") names
    the page itself last, and the page prints its headline under it. (Two items at least,
    one after the other: a list of posts sets each title once as a link and again under
    it, "• Headline" / "Headline" / "Read more".)"""
    text = headline_text(blocks[index]).casefold()
    lines = [line for block in blocks[max(0, index - 1 - BREADCRUMB_REACH) : index] for line in block.lines or [block.text]]
    for at in range(len(lines) - 1, max(0, len(lines) - 1 - BREADCRUMB_REACH), -1):
        item = _list_item(lines[at])
        if item is not None and item.casefold() == text:
            return _list_item(lines[at - 1]) is not None
    return False


def _list_item(line: str) -> str | None:
    """The text of a list item, bulleted or numbered (a heading's mark left in it, "- #
    Headline", gone); None for a line that is no list item."""
    item = LIST_NUMBER.sub("", LIST_ITEM.sub("", line, count=1), count=1).strip()
    return HEADING_MARK.sub("", item, count=1) if item != line.strip() else None


# How many more times a page prints its author's name on a line of its own.
AUTHOR_NAME_COPIES = 2


def _author_name(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is the author's name: a person's name and nothing else, beside
    its "Follow" button, or that the page prints on lines of its own again and again
    (under the author's photo, in the author's box), once at least right over the credit
    lines ("NAME" / "+ Follow" / "Published: ..."). A page names its headline again with the site's name, in quotes,
    or as the last item of its breadcrumb; alone, once or twice (a blog's "Headline" at
    the top, under the comments, in its list of recent posts), and the copy over the date
    line is the headline itself."""
    text = headline_text(blocks[index])
    # (a name has no stop word: "Ein Albtraum" reads as one to `is_person`, as any two
    # German nouns do)
    if not is_person(text) or blocks[index].stop_density > 0:
        return False
    # (beside its "Follow" button a name is the author's, however often the page prints it)
    if any(0 <= i < len(blocks) and AUTHOR_BUTTON.match(blocks[i].text) for i in (index - 1, index + 1)):
        return True
    copies = [other.index for other in blocks if other.index != index and not other.bullet and headline_text(other) == text]
    return len(copies) >= AUTHOR_NAME_COPIES and any(_beside_credits(blocks, i) for i in copies)


# The most words of a site's name that its masthead prints twice (see `_masthead_twice`).
MASTHEAD_WORDS = 4


def _masthead_twice(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is the site's name its masthead prints twice on end, as the
    logo's alt text and as the name ("The Harbour Blog" / "The Harbour Blog"): a short
    line the same as the line right above or below it. (Not a line the document title
    opens with, "Headline | Site": a page prints a short headline twice too, at the end
    of its breadcrumb and over the article.)"""
    if blocks[index].words > MASTHEAD_WORDS or _opens_document_title(blocks, index):
        return False
    return any(0 <= i < len(blocks) and blocks[i].text == blocks[index].text for i in (index - 1, index + 1))


# How near the top of the copy a masthead's name stands, under the document title.
MASTHEAD_REACH = 5
# The mark between the two parts of a document title ("Site: Headline", "Headline | Site"),
# after the first part and before the second.
TITLE_MARK_AFTER = re.compile(r"^\s*[-|«»‹›–—~·/>:]\s+")
TITLE_MARK_BEFORE = re.compile(r"\s*[-|«»‹›–—~·/>:]\s*$")


def _title_partner_below(blocks: list[Block], index: int, first: int) -> bool:
    """Whether block `index`, in the masthead (the top MASTHEAD_REACH blocks), is one part
    of the document title at the top of the copy and the other part stands on a line of
    its own below it, above the body (block `first`): the site's name, as its logo's alt
    text prints it ("Site" / ... / "Headline" under "Site: Headline"). A page prints its
    name in the masthead, its headline over the article."""
    if index >= MASTHEAD_REACH:
        return False
    text = blocks[index].text.casefold()
    below = {blocks[i].text.casefold() for i in range(index + 1, first)}
    for position, line in _page_lines(blocks[:3]):
        if position == index or text not in line:
            continue
        before, _, after = line.partition(text)
        if not before and TITLE_MARK_AFTER.match(after):
            partner = TITLE_MARK_AFTER.sub("", after)
        elif not after and TITLE_MARK_BEFORE.search(before):
            partner = TITLE_MARK_BEFORE.sub("", before)
        else:
            continue
        if len(partner.split()) >= 2 and partner in below:
            return True
    return False


def _opens_document_title(blocks: list[Block], index: int) -> bool:
    """Whether the document title a copy opens with starts with block `index`'s text and a
    mark after it ("Headline | Site")."""
    # (the top blocks' lines alone: a block's index is its place in the page)
    text = blocks[index].text.casefold()
    return any(line.startswith(text) and _site_after(line[len(text):]) for _, line in _page_lines(blocks[:3]))


def _beside_credits(blocks: list[Block], index: int) -> bool:
    """Whether a credit line (a by-line, a date line) stands within CREDIT_REACH blocks under
    block `index`, past short lines at most ("NAME" / "+ Follow" / "Published: ...")."""
    for below in range(index + 1, min(len(blocks), index + 1 + CREDIT_REACH)):
        if _credit_line(blocks[below]):
            return True
        if blocks[below].words > BUTTON_WORDS:
            return False
    return False


def _menu_item(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is an item of a menu a text tool printed without list marks: a
    short line between short lines, with no gap on either side ("Home" / "About" / "The
    Club" / "Wallpapers")."""
    if index == 0 or index + 1 >= len(blocks) or blocks[index].blank_before or blocks[index + 1].blank_before:
        return False
    return all(blocks[i].words <= MENU_WORDS for i in (index - 1, index, index + 1))


def _repeat_bonus(block: Block, lines: list[tuple[int, str]], folded: str) -> float:
    """What a headline candidate gains from the page naming it again (see `_repeated`,
    `_echoed`)."""
    if block.words >= 3 and _repeated(lines, folded, block.index):
        return REPEAT_BONUS
    if block.words >= 5 and _echoed(lines, folded, block.index):
        return ECHO_BONUS
    return 0.0


def _credit_bonus(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int, distance: int, dated: bool) -> float:
    """What a headline candidate gains or loses from the credit lines around it."""
    if _teaser_in_list(blocks, metas, index):
        return -CREDIT_BONUS
    # Under a headline come its credits: a by-line or a date within a few blocks, most
    # often right under it.
    if any(i in metas for i in range(index + 1, index + 1 + CREDIT_REACH)):
        return CREDIT_BONUS if index + 1 in metas else CREDIT_BONUS_FAR
    if dated and distance <= 2:
        return CREDIT_BONUS  # a blog's post: date line, headline, text
    if metas.get(_above_buttons(blocks, index), ("",))[0] == "byline":
        return -CREDIT_BONUS  # under a by-line come the article and its photo's caption
    return 0.0


# How many blocks apart two teasers' headlines stand at most in a list of stories: a
# headline, its by-line, the next one's kicker, the next headline ("Headline" / "By NAME"
# / "Interview" / "Headline").
TEASER_SPACING = 3
# How many words the other teaser's headline has.
TEASER_HEADLINE_WORDS = (3, 25)


def _teaser_in_list(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> bool:
    """Whether block `index`, over its by-line, is a teaser in a list of other stories
    ("Related", "On the same subject"): another headline over its own by-line stands a
    few blocks under or over it. The article's headline is followed by the article, and
    a page sets it apart from the lists around it."""
    if metas.get(index + 1, ("",))[0] != "byline":
        return False
    for offset in range(2, TEASER_SPACING + 1):
        for other in (index - offset, index + offset):
            if 0 <= other < len(blocks) - 1 and other not in metas and metas.get(other + 1, ("",))[0] == "byline":
                if TEASER_HEADLINE_WORDS[0] <= blocks[other].words <= TEASER_HEADLINE_WORDS[1]:
                    return True
    return False


# The most words of a button or a counter under the by-line ("Print", "E-mail", "56 comments").
BUTTON_WORDS = 3


def _above_buttons(blocks: list[Block], index: int) -> int:
    """The block above block `index`, past the buttons and counters a page sets between its
    by-line and the article ("Print" / "E-mail" / "Share" / "56 comments"): short lines of
    furniture, or set in a list."""
    above = index - 1
    while above > 0 and _button(blocks[above]):
        above -= 1
    return above


def _button(block: Block) -> bool:
    """A short line of furniture ("Share", "56 comments"), or a short list item ("• E-mail")."""
    return block.words <= BUTTON_WORDS and (block.bullet or furniture_reason(block.text, block.words) is not None)


def _headline_over_deck(
    header: Header,
    blocks: list[Block],
    metas: dict[int, tuple[str, object]],
    title_index: int,
    score: float,
    body_words: set[str],
) -> int:
    """The headline, when the chosen block is the deck under it: a longer headline-like
    block right under a shorter one is headline over standfirst. Returns the headline's
    block index (and records the standfirst)."""
    above = _previous_candidate(blocks, title_index, metas)
    if above is None or not _deck_under(blocks[above], blocks[title_index]):
        return title_index
    # (weighed as the candidates are: right under a blog's date line a lower-case headline
    # counts, "x86 shipments drop in Q3" over its deck)
    dated = _under_bare_date(blocks, metas, above)
    # The upper one does not follow another line of some words with no gap (that ends a
    # list of link titles, or is a "Next post »" link).
    if above > 0 and not blocks[above].blank_before and blocks[above - 1].words >= 4:
        return title_index
    # (the credit lines below count for the pair, not only for the lower line)
    if (headline_score(blocks[above], 0, body_words, dated=dated) or 0) < score - 0.3 - CREDIT_BONUS:
        return title_index
    # (the author's name or the site's over the headline is no kicker: see `_author_name`,
    # `_masthead_twice`)
    if _author_name(blocks, above) or _masthead_twice(blocks, above):
        return title_index
    if _topics_over_headline(blocks[above], blocks[title_index]):
        return title_index
    # A headline names what the article is about: a line none of whose words come back in
    # the body's opening is a section label, a breadcrumb or the site's tagline.
    own = content_words(blocks[above].text)
    if own and len(own & body_words) < DECK_HEAD_OVERLAP * len(own):
        return title_index
    # The page names its headline again (its document title, its list of latest stories),
    # not the kicker over it ("In the capital" / "Headline"): a lower line named again where
    # the upper is not is the headline.
    if _named_again(blocks, title_index) and not _named_again(blocks, above):
        return title_index
    # (a standfirst already found between the credit lines and the body does not stop it:
    # some pages set a deck under the headline and a lead-in above the by-line)
    if header.subtitle is None:
        header.subtitle = blocks[title_index].text
    header.claim(title_index, "subtitle", "the longer of two headline-like lines")
    return above


# How much of a line's words a headline capitalises ("Reports Say The Port Will Close").
HEADLINE_CAPITALS = 0.6


def _topics_over_headline(upper: Block, lower: Block) -> bool:
    """Whether `upper` is a row of the story's topics over its headline ("Harbour Ferries
    Islands Tides" / "Islanders Say The Council Kept The Winter Ferry"), as a text
    browser runs the topic links onto one line: names with no stop word between them, over
    a line set as a headline is, in capitals and with no full stop, not a deck's sentence."""
    return upper.stop_density == 0 and lower.capitalised >= HEADLINE_CAPITALS and not lower.ends_sentence


# How many words more than the headline over it a subtitle may have (see `_headline_over_subtitle`).
SUBTITLE_EXTRA_WORDS = 1


def _headline_over_subtitle(header: Header, blocks: list[Block], metas: dict[int, tuple[str, object]], title_index: int) -> int:
    """The headline, when the chosen block is the short subtitle right under it ("Homo
    Sapiens Insularis" / "People of the islands"): the page names the upper line, as the
    last item of its breadcrumb or in its document title, and not the lower. (A kicker
    over the headline is named so too, as the breadcrumb's section; but a headline under
    a kicker is the longer line.) Returns the headline's block index (and records the
    subtitle)."""
    above = _previous_candidate(blocks, title_index, metas)
    if above is None or header.subtitle is not None or blocks[title_index].words > blocks[above].words + SUBTITLE_EXTRA_WORDS:
        return title_index
    if not (_ends_breadcrumb(blocks, above) or _in_document_title(blocks, above)):
        return title_index
    if _ends_breadcrumb(blocks, title_index) or _named_again(blocks, title_index):
        return title_index
    header.subtitle = blocks[title_index].text
    header.claim(title_index, "subtitle", "a short line under the headline the page names (breadcrumb, document title)")
    return above


# The fewest words of a headline under its kicker (see `_headline_under_kicker`): not a
# section's label printed again in the menu.
KICKED_HEADLINE_WORDS = 3


def _headline_under_kicker(blocks: list[Block], metas: dict[int, tuple[str, object]], title_index: int, first: int) -> int:
    """The headline, when the chosen block is the kicker right over it ("Building a democracy"
    / "Villains and architects"): the page names the lower line again, in its document
    title or printed once more between it and the article, and names the upper nowhere.
    (A kicker wins over a headline of few words that the body's opening does not echo.)
    Returns the headline's block index; the kicker is left to `_section`."""
    below = _next_candidate(blocks, title_index, first, metas)
    if below != title_index + 1 or blocks[below].words < KICKED_HEADLINE_WORDS or blocks[below].ends_sentence:
        return title_index
    if headline_score(blocks[below], 0) is None or _named_again(blocks, title_index):
        return title_index
    folded = blocks[below].text.casefold()
    # (not a copy further off: a sidebar's list names a section's label or a teaser again;
    # the copy may open the body's run, see `_heads_post`)
    printed_again = any(blocks[i].text.casefold() == folded for i in range(below + 2, min(first + 1, len(blocks))))
    return below if printed_again or _repeated(_page_lines(blocks), folded, below) else title_index


def _named_again(blocks: list[Block], index: int) -> bool:
    """Whether the page names block `index` again, as it names its headline (see `_repeated`,
    `_echoed`), however short the line: a page printed twice names its kicker again too."""
    lines, folded = _page_lines(blocks), blocks[index].text.casefold()
    return _repeated(lines, folded, index) or _echoed(lines, folded, index)


def _standfirst_below(
    header: Header, blocks: list[Block], index: int, first: int, metas: dict[int, tuple[str, object]]
) -> None:
    """A longer line right under the headline (block `index`) is its standfirst; or a
    shorter one when the by-line follows it ("Headline" / "Snoring Teens Should Be Checked,
    Researchers Say" / "By NAME"), where nothing else stands."""
    below = _next_candidate(blocks, index, first, metas)
    if below is None or blocks[below].text.endswith(":"):
        return
    over_byline = metas.get(below + 1, ("",))[0] == "byline"
    if blocks[below].words >= 8:
        header.subtitle = blocks[below].text
        header.claim(below, "subtitle", "a longer line right under the headline")
    elif over_byline and blocks[below].words >= SHORT_DECK_WORDS:
        header.subtitle = blocks[below].text
        header.claim(below, "subtitle", "a line between the headline and the by-line")


def headline_in_run(blocks: list[Block], body: list[int]) -> int | None:
    """A headline the article run has swallowed, when the run opened on a sidebar blurb or
    a sign-up box above the article: a headline-like block among the body's blocks that the
    page names again (the document title, "20 Responses to “Headline”"), that stands
    under a date line, or over its by-line or date line, with most of the prose after it.
    Returns its block index."""
    if len(body) < 3:
        return None
    folded = [block.text.casefold() for block in blocks]
    lines = _page_lines(blocks)
    kept = set(body)
    total = sum(blocks[i].words for i in body)
    before = 0
    # A headline that already stands above the run, as it is, is not in it again.
    above = set(folded[3 : body[0]])
    # (a run that opens right under a credit line opens with the article: a headline with
    # its credits further down heads a press release or a quoted piece inside it)
    opens_credited = any(_credit_line(blocks[i]) for i in range(max(0, body[0] - 3), body[0]))
    discussed = _discussed_posts(blocks)
    for index in range(body[0], body[-1]):
        # (past that share, only a headline the page names again with its credit line
        # right under it: see `_credit_under`)
        late = before * (1 + IN_RUN_SHARE) > total * IN_RUN_SHARE
        block = blocks[index]
        if index in kept:
            before += block.words
        # (the post the comments are on is the page's headline, wherever the run opened, and
        # whether or not it ends like a sentence: "3 Responses to “Why ...?”"; unless it
        # already stands above the run, and the post names its recipe or its subject again)
        if 3 <= block.words <= 20 and folded[index] in discussed - above and headline_score(block, 0) is not None:
            return index
        # (right under a post's date line a headline may be of one or two words, as
        # `headline_score` allows there)
        dated = under_post_date(blocks, index)
        if not (1 if dated else 3) <= block.words <= 20 or block.ends_sentence or block.text.endswith(("…", "...")) or INNER_SENTENCE.search(block.text):
            continue
        # (a picture's caption over its credit, printed again with a shop's box, is none)
        if headline_score(block, 0, dated=dated) is None or _picture_text(blocks, index):
            continue
        credited = _credit_under(blocks, index)
        # (named above the run as it is, it is that headline again, unless its standfirst and
        # credits stand under it here: the copy above was a share box's)
        if folded[index] in above and not (credited and _standfirst_under(blocks, index)):
            continue
        if late:
            if credited and _repeated(lines, folded[index], index):
                return index
        elif dated or _repeated(lines, folded[index], index) or _over_share_bar_again(blocks, folded, index):
            return index
        # (named nowhere else, a line with its credit line under it must read as a headline
        # of four words or more, below a run that does not already open under credits)
        elif credited and block.words >= 4 and not opens_credited:
            return index
    return None


# How many buttons at most stand between a headline printed over the share bar and the
# same headline printed again over the article.
SHARE_BAR_BUTTONS = 6


def _over_share_bar_again(blocks: list[Block], folded: list[str], index: int) -> bool:
    """Whether block `index` is the headline a page prints over its share buttons and then
    again over the article ("Headline" / "Share on Twitter" / "Share by email" /
    "Headline" / the article): the same line comes back past nothing but buttons, one of
    them at least a furniture phrase (not a table of contents over its first heading)."""
    shared = False
    for below in range(index + 1, min(len(blocks), index + 2 + SHARE_BAR_BUTTONS)):
        if folded[below] == folded[index]:
            return shared
        if not _button(blocks[below]):
            return False
        shared = shared or furniture_reason(blocks[below].text, blocks[below].words) is not None
    return False


# The line a blog sets over the comments, naming the post they are on: "3 Responses to
# “Headline”", "12 thoughts on “Headline”", "Comments on 'Headline'".
RESPONSES_TO = re.compile(
    r"^\W*(?:[\d,]+|no|one)?\s*(?:responses?|comments?|thoughts|replies|reactions?)\s+(?:to|on)\s+[“\"‘'](?P<post>.{3,200})[”\"’']\s*$", re.I
)


def _discussed_posts(blocks: list[Block]) -> set[str]:
    """The posts (case-folded) the page's comment headings name."""
    return {match.group("post").casefold() for block in blocks if (match := RESPONSES_TO.match(block.text))}


def _credit_under(blocks: list[Block], index: int) -> bool:
    """Whether a credit line (a by-line or a date line) stands under block `index`, as
    under a headline: right under it, or under its standfirst, past the alt text of the
    article's picture ("google android Q") if the copy prints it there. (Far into the
    run, where a long "About the author" blurb or a sidebar over a short post came first,
    the page must also name the headline again.)"""
    block = blocks[index]
    # ("Comments (9) Add a comment" stands over a comment's date)
    if index + 1 >= len(blocks) or furniture_reason(block.text, block.words):
        return False
    if index + 2 < len(blocks) and is_alt_text(blocks[index + 1]) and not _credit_line(blocks[index + 1]):
        index += 1
    if _standfirst_under(blocks, index):
        return index + 2 < len(blocks) and _credit_line(blocks[index + 2])
    return _credit_line(blocks[index + 1])


def _standfirst_under(blocks: list[Block], index: int) -> bool:
    """Whether a standfirst stands right under block `index`: one sentence or two, of
    DECK_WORDS words at most, that is no credit line."""
    if index + 1 >= len(blocks):
        return False
    deck = blocks[index + 1]
    return 8 <= deck.words <= DECK_WORDS and deck.ends_sentence and not _credit_line(deck)


def _credit_line(block: Block) -> bool:
    """A by-line or a line with a date in it, short as credit lines are."""
    return block.words <= CREDIT_LINE_WORDS and (parse_byline(block.text) is not None or bool(find_dates(block.text)))


def under_post_date(blocks: list[Block], index: int) -> bool:
    """Whether block `index` stands right under a post's date line, as a blog opens a post:
    date line, then the headline. (A comment's stamp carries the time too: "May 3, 2012 at
    9:15 pm".)"""
    stamp = blocks[index - 1].text if index > 0 else ""
    if index > 0 and _placeholder(blocks[index - 1]):
        return False  # an image's file name ("[Screen-shot-2012-11-07]") is no date line
    return len(stamp.split()) <= 12 and not CLOCK.search(stamp) and bool(find_dates(stamp))


def _placeholder(block: Block) -> bool:
    """Whether a block is nothing but an image's placeholder or file name ("[photo-123]")."""
    return not WIDGET.sub("", block.text).strip()


def _page_lines(blocks: list[Block]) -> list[tuple[int, str]]:
    """(block index, case-folded text) of every block, and of each line of a block that a
    text browser joined from several (an archive list it ran together)."""
    lines = []
    for block in blocks:
        lines.append((block.index, block.text.casefold()))
        if len(block.lines) > 1:
            lines += [(block.index, LIST_MARK.sub("", line).strip().casefold()) for line in block.lines]
    return lines


def _repeated(lines: list[tuple[int, str]], text: str, index: int) -> bool:
    """Whether the page names this block's text (case-folded) again the way pages name
    their headline: in the document title ("Headline - Site", "Site | Headline", or the
    headline alone at the top of the page), in quotes ("20 Responses to “Headline”"), or
    cut short in an archive list ("Headline of the pa..."). A link title repeated as it
    is, or with a comment count, does not count."""
    for other, line in lines:
        if other == index or len(line) > 2 * len(text) + 60:
            continue
        if line == text and other < 3 <= index:
            return True  # the document title alone, as a browser's copy opens with it
        at = line.find(text)
        if at >= 0 and line != text:
            before, after = line[:at], line[at + len(text):]
            # (a quote mark on each side: an empty side is no quote, though '' is "in" any string)
            if before[-1:] and after[:1] and before[-1] in QUOTES and after[0] in QUOTES:
                return True
            if (not before.strip() and _site_after(after)) or (not after.strip() and TITLE_JOIN.search(before)):
                return True
        # (cut short by an ellipsis: a line ending in a full stop is a sentence, or the last
        # line of a paragraph a text browser wrapped, that happens to open like the candidate;
        # right under it, the line cut short is the same teaser's link under its picture's
        # alt text, as a list of other stories prints them)
        stem = LIST_MARK.sub("", line).rstrip(".…").rstrip()
        if len(stem) >= 20 and line.endswith(("...", "…")) and text.startswith(stem) and other != index + 1:
            return True
    return False


def _site_after(after: str) -> bool:
    """Whether what follows a candidate on a line is a site's name after a mark (" | Site"),
    as in a document title, not a caption running on to its credit."""
    return TITLE_JOIN.match(after) is not None and len(SENTENCE_AFTER.findall(after)) < CAPTION_SENTENCES


def _echoed(lines: list[tuple[int, str]], text: str, index: int) -> bool:
    """Whether the page carries this block's text again elsewhere, as it is: a "Skip to ..."
    link, or a list of the site's latest stories that includes this one. (Weaker than
    `_repeated`: a sidebar's link titles come back in more than one list too.) Copies
    printed on end with it do not count (see `_printed_on_end`)."""
    on_end = _printed_on_end(lines, text, index)
    return any(
        abs(other - index) > 1 and other not in on_end and LIST_MARK.sub("", line).strip() in (text, "skip to " + text)
        for other, line in lines
    )


def _printed_on_end(lines: list[tuple[int, str]], text: str, index: int) -> set[int]:
    """The blocks around block `index` that print the same text one after another with it:
    a picture's alt text, its title and its caption, which pages often give the same words
    ("Ann Fisher on the quay" three times over), or a headline a page prints twice. One
    line printed again on end is not the page naming it elsewhere."""
    same = {other for other, line in lines if line == text}
    run = {index}
    for step in (-1, 1):
        other = index + step
        while other in same:
            run.add(other)
            other += step
    return run


def _credit_lines(
    header: Header, blocks: list[Block], metas: dict[int, tuple[str, object]], lowest: int, dayfirst: bool | None
) -> None:
    """Reviewer, by-line, news service and date from the credit lines near the headline."""
    for index, (role, value) in sorted(metas.items()):
        if index < lowest - 3:
            continue
        if role == "reviewer" and not header.reviewer:
            header.reviewer = str(value)
        elif role == "byline" and not header.authors and isinstance(value, list):
            header.authors = list(value)
            # (a by-line may carry the stamp: "2012-10-29 by NAME", "By NAME | May 3, 2012")
            header.published = header.published or _stamp_on_line(blocks[index], dayfirst)
        elif role == "source" and not header.source and index > lowest:
            header.source = str(value)
        elif role == "date":
            # The first date, unless a later line says "published" where the first said nothing.
            if not header.published or (PUBLISHED.search(blocks[index].text) and not UPDATED.search(blocks[index].text)):
                if not header.published or index > lowest:
                    header.published = str(value)
            # (a news service may open the stamp: "AFP 30 avril 2015 à 07:19")
            header.source = header.source or _service_before_date(blocks[index], dayfirst)
        else:
            continue
        if header.roles.get(index) == "title":
            header.rules[index] += "; its date dates the article"  # (a headline read from a date line)
            continue
        header.claim(index, role, f"{role} line")


# The words of the headings of boxes that link to other stories (of the box headings
# furniture knows, not those of comments, tags or share buttons, which may stand between a
# headline and its by-line).
STORY_BOX_WORDS = re.compile(
    r"\b(?:related|more|most|popular|recommended|also|see|read|lire|même sujet|zum thema|mehr|"
    r"relacionadas|leggi|leia|lees|interessant|aussi|también|anche)\b",
    re.I,
)
# How many blocks a teaser's kicker, headline and by-line take under the box's heading,
# and the most words of one of them (a paragraph is the article's).
TEASER_REACH = 4
TEASER_LINE_WORDS = 12


def _teaser_bylines(blocks: list[Block], metas: dict[int, tuple[str, object]]) -> list[int]:
    """The by-lines of a box of links to other stories ("Related stories", "Sur le même
    sujet"): two or more under the box's heading, each a kicker and a headline from the
    last, with only the teasers' short lines between. (One by-line under such a heading
    may be the article's own, the heading a label beside its headline.)"""
    teasers: list[int] = []
    for heading, block in enumerate(blocks):
        if not (is_box_heading(block.text) and STORY_BOX_WORDS.search(block.text)):
            continue
        chain, anchor = [], heading
        for index in range(heading + 1, len(blocks)):
            if index - anchor > TEASER_REACH or blocks[index].words > TEASER_LINE_WORDS:
                break
            if index in metas and metas[index][0] == "byline" or parse_byline(blocks[index].text):
                chain.append(index)
                anchor = index
        if len(chain) >= 2:
            teasers.extend(chain)
    return teasers


# How many other stamps opening the same way, with other names, make a comment thread.
THREAD_STAMPS = 2


def _readers_stamp(blocks: list[Block], index: int, name: str) -> bool:
    """Whether a credit under the article opens the way other credits on the page open,
    with other people's names ("Posted by: NAME at DATE", again and again): a comment
    thread's stamps, where the author's own posts would name the author again."""
    text = blocks[index].text
    opening = text[: text.find(name)].casefold() if name in text else " ".join(text.casefold().split()[:2])
    if not opening.strip():
        return False
    others = sum(
        1
        for other, block in enumerate(blocks)
        if other != index and block.text.casefold().startswith(opening) and name not in block.text
    )
    return others >= THREAD_STAMPS


def _service_before_date(block: Block, dayfirst: bool | None) -> str | None:
    """The news service a date line opens with, if any ("AFP 30 avril 2015" -> "AFP")."""
    dates = find_dates(block.text, dayfirst=dayfirst)
    return parse_source(block.text[: dates[0][0]]) if dates and dates[0][0] else None


def _stamp_on_line(block: Block, dayfirst: bool | None) -> str | None:
    """The date a credit line carries beside its names, if any."""
    dates = find_dates(block.text, dayfirst=dayfirst)
    return dates[0][2] if dates else None


# How far under the article an author box may stand: past the share and "recommend"
# buttons, the publication's name and its "Follow" button; and how far inside its end,
# where the article's run took the box in with it.
AUTHOR_BOX_REACH = 16
AUTHOR_BOX_INSIDE = 6
# A credit whose names are set on the next line, as a link of their own ("Written on Mar
# 27 by" / "Jane Roe", "Posted by" / "Jane Roe").
SPLIT_BY = re.compile(r"^\W*(?:(?:written|posted|published|words|story|text)\b[^.!?]{0,30}?\s)?(?:by|von|par|por|door)\s*:?$", re.I)


def _author_box_under_article(header: Header, blocks: list[Block], body: list[int]) -> None:
    """The author box at the end of a post: a credit that ends with "by" and the person's
    name on the line under it (the author's bio and a "Follow" button follow)."""
    start = max(body[0], body[-1] - AUTHOR_BOX_INSIDE)
    for index in range(start, min(len(blocks) - 1, body[-1] + AUTHOR_BOX_REACH)):
        name = blocks[index + 1].text
        if SPLIT_BY.match(blocks[index].text) and is_person(name):
            header.authors = [name]
            header.claim(index + 1, "byline", "the name under an author box's 'by' line at the end of the article")
            return


# The buttons set beside an author's name under the headline ("Profile Follow Unfollow",
# run together as "ProfileFollowUnfollow" by some converters; "4 min read").
AUTHOR_BUTTON = re.compile(
    r"^\W*(?:(?:profile|unfollow|follow(?:ing|ed)?|abonnieren|suivre|seguir|segui|volgen)\W*)+$|^\W*\d+\s*min(?:ute)?s?\s+read\W*$",
    re.I,
)


def _bare_name_byline(
    header: Header, blocks: list[Block], metas: dict[int, tuple[str, object]], title_index: int, first: int
) -> None:
    """A by-line without "By": a bare name beside the date line."""
    for index in range(title_index + 1, first):
        if index in metas or index in header.roles:
            continue
        beside_date = metas.get(index + 1, ("",))[0] == "date" or metas.get(index - 1, ("",))[0] == "date"
        beside_button = any(0 <= i < len(blocks) and AUTHOR_BUTTON.match(blocks[i].text) for i in (index - 1, index + 1))
        # (a comment count beside the date reads like a name: "No Comments")
        if (beside_date or beside_button) and is_person(blocks[index].text) and not furniture_reason(blocks[index].text, blocks[index].words):
            header.authors = [blocks[index].text]
            header.claim(index, "byline", "a person's name beside the date line" if beside_date else "a person's name beside its 'Follow' button")
            return


# The label a publication's name may carry under the by-line ("From: Harbour Tribune").
SOURCE_LABEL = re.compile(r"^(?:from|source|quelle|fuente|fonte|bron|via)\s*:\s*", re.I)


def _source_after_byline(header: Header, blocks: list[Block], metas: dict[int, tuple[str, object]], lowest: int) -> None:
    """The publication credited under a by-line: "By NAME" / "Harbor City Tribune"."""
    bylines = [i for i, (role, _) in metas.items() if role == "byline" and i >= lowest]
    if not bylines:
        return
    following = bylines[0] + 1
    if following >= len(blocks) or following in metas:
        return
    text = blocks[following].text
    # "Environment correspondent, Border Broadcasting News": the job, then the publication.
    job = ROLE_LINE.match(text)
    name = SOURCE_LABEL.sub("", job.group("org") if job else text)
    # (not a box's heading, "Related Items", nor the author's job, "Executive News Editor")
    if is_organisation(name) and not furniture_reason(name, len(name.split())) and not is_box_heading(name) and not JOB_TITLE.search(name):
        # (a news service, or a publication after the author's job, is one whatever
        # follows; another short line may be a label or a photo's alt text)
        if not job and not parse_source(name) and _heads_list_or_caption(blocks, following):
            return
        header.source = name
        header.claim(following, "source", "the publication named under the by-line")


def _heads_list_or_caption(blocks: list[Block], index: int) -> bool:
    """Whether a short line stands over a list, as a label does ("Keywords" / • economy), or
    over a photo's credited caption, as the photo's alt text does ("Harbour" / "The harbour
    at dawn. Credit: NAME")."""
    below = blocks[index + 1 : index + 3]
    if not below:
        return False
    # (the credit on the caption's line, or on its own line under a caption)
    return below[0].bullet or is_credit(below[0].text) or (
        len(below) == 2 and below[0].words <= CAPTION_WORDS and is_credit(below[1].text)
    )


def _bare_date(block: Block) -> bool:
    """A date line as a blog sets it over a post's headline ("Tuesday, July 17, 2012"), with
    no by-line in it: under "NAME by NAME Published DATE" comes the article, or a photo's
    caption, not the headline."""
    return not BY_WORD.search(block.text) and not CLOCK.search(block.text)


def _under_bare_date(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> bool:
    """Whether block `index` stands right under a blog's date line (see `_bare_date`). Not
    under a date line that itself stands under a by-line: those two are the credits under
    a headline, and what comes under them is the article, or the publication they credit
    ("By NAME" / "Oct 31, 2012" / "The Harbour Tribune")."""
    if metas.get(index - 1, ("",))[0] != "date" or metas.get(index - 2, ("",))[0] == "byline":
        return False
    return _bare_date(blocks[index - 1])


def _deck_under(upper: Block, lower: Block) -> bool:
    """Whether `lower`, under the headline-like `upper`, is long enough to be its deck:
    twelve words or more and longer than it, or ten or more and no shorter than a headline
    of four words or more (not a section label)."""
    if lower.words >= 12 and upper.words < lower.words:
        return True
    return lower.words >= 10 and 4 <= upper.words <= lower.words


def _wrapped_tail(blocks: list[Block], index: int, first: int, metas: dict[int, tuple[str, object]]) -> int | None:
    """The block that carries on the headline in block `index` on the very next line, as a
    text browser wraps a headline too long for its width ("...An Open Challenge To" /
    "Hurricanes Everywhere"): the headline is one long line with no end mark, and the next
    line, at the same indentation, is a few more words of it, not a credit or a sentence."""
    tail = index + 1
    if tail >= first or tail in metas or index in metas:
        return None
    head, rest = blocks[index], blocks[tail]
    if len(head.lines) != 1 or len(rest.lines) != 1 or rest.blank_before or rest.first_line != head.first_line + 1:
        return None
    if head.indent != rest.indent or len(head.lines[0].strip()) < WRAPPED_HEADLINE_CHARS or head.words < 6:
        return None
    if head.ends_sentence or head.bullet or head.separators or rest.bullet or rest.separators:
        return None
    if not 1 <= rest.words <= WRAPPED_TAIL_WORDS or rest.text.endswith((".", ":", ";", ",")):
        return None
    if NOT_HEADLINE.search(rest.text) or is_credit(rest.text) or furniture_reason(rest.text, rest.words) or find_dates(rest.text):
        return None
    # Title case runs on in capitals, a sentence-case headline in lower case; a line of tags
    # under a title-case headline ("storm instagram Hurricane Sandy") does neither.
    title_case = head.capitalised >= 0.6
    if (rest.capitalised >= 0.5) != title_case or rest.text[:1].isupper() != title_case:
        return None
    return tail


def _wrapped_head(blocks: list[Block], index: int, metas: dict[int, tuple[str, object]]) -> int | None:
    """The block whose headline block `index` is the wrapped second line of, if any."""
    if index == 0:
        return None
    return index - 1 if _wrapped_tail(blocks, index - 1, index + 1, metas) == index else None


def _fuller_above(blocks: list[Block], metas: dict[int, tuple[str, object]], index: int) -> int:
    """The headline, when the chosen block only repeats its opening words right under it
    ("Keeper Hands Over the Keys to the Trust" / "Keeper Hands Over the Keys"), or some of
    its words (see `_shortened`): the lower line is a copy cut short, an image's alt text
    or a link's title, and the full line above is the headline. (Not the document title
    over it: "Headline - Site".) Returns the headline's block index."""
    above = _previous_candidate(blocks, index, metas)
    if above is None:
        return index
    upper, lower = (" ".join(blocks[i].text.casefold().split()) for i in (above, index))
    if upper.startswith(lower + " ") and not TITLE_SEPARATOR.match(upper[len(lower):]):
        return above
    return above if _shortened(upper, lower) else index


def _shortened(upper: str, lower: str) -> bool:
    """Whether `lower` is `upper` with words left out here and there, as an image's alt text
    shortens the headline over it ("Harbour Keeper Hands Over the Keys to the Trust" /
    "Harbour Keeper Trust"). (Not a run of its words as they stand: "Site | Headline" over
    "Headline" is the document title over the headline.)"""
    if lower in upper:
        return False
    words = iter(upper.split())
    return all(word in words for word in lower.split())


# A heading's underline as a plain-text writer draws it under the line ("Headline" / "====").
UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")


def _previous_candidate(blocks: list[Block], index: int, metas: dict[int, tuple[str, object]]) -> int | None:
    above = index - 1
    while above > 0 and not blocks[above].words:
        above -= 1  # (past share buttons' icons, which a converter prints as bullets with no words)
    if above > 0 and UNDERLINE.match(blocks[above].text):
        above -= 1  # (the line it underlines is the one above it)
    if above < 0 or above in metas:
        return None
    dated = _under_bare_date(blocks, metas, above)
    return above if headline_score(blocks[above], 0, dated=dated) is not None and not blocks[above].text.endswith(".") else None


def _next_candidate(blocks: list[Block], index: int, first: int, metas: dict[int, object]) -> int | None:
    below = index + 1
    if below >= first or below in metas:
        return None
    block = blocks[below]
    if furniture_reason(block.text, block.words) or is_credit(block.text) or block.bullet or block.separators:
        return None
    if NOT_HEADLINE.search(block.text):
        return None
    return below if block.text[:1].isupper() or block.text[:1] in "‘'\"“" else None


def _section(blocks: list[Block], title_index: int, metas: dict[int, tuple[str, object]]) -> tuple[int, str] | None:
    """The nearest short label above the headline ("Health news") and its block, if any."""
    for index in range(title_index - 1, max(-1, title_index - 4), -1):
        block = blocks[index]
        if (index in metas and metas[index][0] != "source") or furniture_reason(block.text, block.words):
            continue
        text = re.split(r"\s[>»›/|]\s", block.text)[-1].strip()
        words = text.split()
        if 1 <= len(words) <= 3 and text[:1].isupper() and not any(c.isdigit() for c in text) and not text.endswith((".", "!", "?")):
            return index, text
        return None
    return None


def _site(blocks: list[Block], headline: str | None, brand: str | None) -> str | None:
    """The site's name, from the first of: the document title a copy opens with ("Headline -
    Site"), the brand the page names most (`_named_brand`) when its masthead spells it
    ("BootsWebMD"), the masthead. None rather than a guess: a news page's top lines are
    mostly menus and buttons."""
    return (
        _site_in_document_title(blocks, headline)
        or (_spelled_in_masthead(blocks, brand) if brand else None)
        or _masthead(blocks, headline)
    )


def _site_key(blocks: list[Block], site: str | None, brand: str | None) -> str | None:
    """What groups the page with its site's other pages, to learn the site's furniture: the
    site's name when the page states it, else the brand it names most, else its first short
    capitalised top line. Too loose a guess to show as the site (it may be "WordPress" or a
    menu item), but the same on every page of one template, which is all learning needs."""
    if site:
        return site
    tops = (text for position, block, text in _top_lines(blocks) if _reads_as_masthead(position, block, text))
    return brand or next(tops, None)


def _site_in_document_title(blocks: list[Block], headline: str | None) -> str | None:
    """The name beside the headline in the document title at the top of the copy
    ("Headline - Site", "Site | Headline")."""
    if not headline:
        return None
    folded = headline.casefold()
    for block in blocks[:3]:
        text = block.text.strip()
        if text.casefold().startswith(folded):
            rest = text[len(headline):]
            name = re.split(r"\s[-|«»–—~·/>]\s", " " + rest)[-1] if TITLE_SEPARATOR.match(rest) else None
        elif text.casefold().endswith(folded):
            rest = text[: len(text) - len(headline)]
            name = re.split(r"\s[-|«»–—~·/>:]\s", rest + " ")[0] if re.search(r"[-|«»–—~·/>:]\s*$", rest) else None
        else:
            continue
        name = (name or "").strip(" -|«»–—~·/>:")
        if _looks_like_a_name(name):
            return name
    return None


def _named_brand(blocks: list[Block]) -> str | None:
    """The brand the page names most ("Sign up for BootsWebMD's newsletters")."""
    counts: dict[str, int] = {}
    for block in blocks:
        for match in CAMEL_BRAND.finditer(block.text):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _spelled_in_masthead(blocks: list[Block], brand: str) -> str | None:
    """The brand as the masthead spells it ("Boots WebMD"); none when the masthead does not
    name it, as for a service the page only credits ("Powered by WordPress")."""
    for block in blocks[:3]:
        words = block.text.split()
        for start in range(len(words)):
            joined = ""
            for end in range(start, min(len(words), start + 4)):
                joined += words[end]
                if joined == brand:
                    return " ".join(words[start:end + 1])
                if not brand.startswith(joined):
                    break
    return None


def _top_lines(blocks: list[Block]) -> Iterator[tuple[int, Block, str]]:
    """(position, block, text) of the page's top lines past the cookie notice and the skip
    links. A logo's alt text ("[BBR logo] Border Broadcasting") is cut from the text."""
    for position, block in enumerate(blocks[:8]):
        text = WIDGET.sub("", block.text).strip()
        if not block.separators and text and not furniture_reason(text, len(text.split())):
            yield position, block, text


def _reads_as_masthead(position: int, block: Block, text: str) -> bool:
    """A short capitalised line, or the page's first line when it is no sentence."""
    return 1 <= len(text.split()) <= 6 and (is_organisation(text) or (position == 0 and not block.ends_sentence))


def _masthead(blocks: list[Block], headline: str | None) -> str | None:
    """The site's name as the top of the page shows it: the first top line, when it reads
    as a name. (Further down, the top of a page is menus, whose items are capitalised like
    names.)"""
    first = next(_top_lines(blocks), None)
    if first is None or not _reads_as_masthead(*first):
        return None
    text = LOGO_ALT.sub("", first[2])
    if not _looks_like_a_name(text) or text.casefold() == (headline or "").casefold():
        return None
    return text.title() if text.isupper() else text


def _looks_like_a_name(text: str) -> bool:
    """Whether a line can be a site's name: one to six words with a word of letters, and
    none of the marks of a menu item, a button or a converter's note ("•", "(Button)",
    "#alternate", "Edition: International", "IFRAME: //...", "News| Sport")."""
    return 1 <= len(text.split()) <= 6 and re.search(r"[^\W\d_]{2}", text) is not None and not re.search(r"[#()\[\]:=•*/|]|^\W", text)


def _nearest_date(blocks: list[Block], first: int, last: int, dayfirst: bool | None, title_index: int | None) -> str | None:
    """A date near the body: just above it (as far up as the headline, where a list of
    the article's topics stands between its credits and its text), else just below it."""
    top = min(first - DATE_REACH, title_index if title_index is not None else first)
    for index in list(range(first - 1, max(-1, top - 1), -1)) + list(range(last + 1, min(len(blocks), last + 6))):
        block = blocks[index]
        if block.words <= 30:
            dates = find_dates(block.text, dayfirst=dayfirst)
            if dates and not _told_in_a_sentence(block, dayfirst):
                return dates[0][2]
        else:
            credited = _closing_credit_date(block, dayfirst)
            if credited:
                return credited
    return None


def _stamp_in_run(blocks: list[Block], first: int, last: int, dayfirst: bool | None) -> str | None:
    """The date of the first stamp line inside the article's run, when none stands around
    it: a media player's stamp under the teaser ("18.03.2020 13:15 Uhr Autor/in: NAME"),
    a blog template's "TITLE was last modified: DATE by NAME" above the author box."""
    for block in blocks[first : last + 1]:
        date = _stamp_date(block, dayfirst)
        if date:
            return date
    return None


def _stamp_date(block: Block, dayfirst: bool | None) -> str | None:
    """The date of a stamp line: a credit line's (see `meta_role`), or a short line's
    whose date comes after a stamp's label or opens the line's last part."""
    role = meta_role(block, dayfirst)
    if role and role[0] == "date":
        return str(role[1])
    return _labelled_date(block, dayfirst) or _closing_part_date(block, dayfirst)


def _labelled_stamp_above(blocks: list[Block], first: int, dayfirst: bool | None) -> str | None:
    """The date of the nearest stamp line above the body that labels its date ("updated
    3:06 PM EST, Wed November 7, 2012"), however far up: where the run was found below
    the article's top, under a gallery or a box, its stamp stays by the real headline."""
    for block in reversed(blocks[:first]):
        date = _labelled_date(block, dayfirst)
        if date:
            return date
    return None


def _masthead_date(blocks: list[Block], first: int, dayfirst: bool | None) -> str | None:
    """The date a news site's masthead prints on every page, a line of the date alone
    ("Thursday, Aug 9, 2012"), the first above the body: the day the page was printed,
    which for a news story is most often the day it ran. (Only where the page shows no
    stamp of its own.)"""
    for block in blocks[:first]:
        dates = _shown_dates(block.text, dayfirst)
        if len(dates) == 1:
            start, end, date = dates[0]
            rest = LIST_MARK.sub("", f"{block.text[:start]} {block.text[end:]}".strip())
            if all(is_weekday(word) for word in rest.split()):
                return date
    return None


# A stamp's label just before its date, whatever words come before it ("HEADLINE was last
# modified: DATE", "Zuletzt aktualisiert am DATE").
STAMP_LABEL = re.compile(rf"(?:{PUBLISHED.pattern}|{UPDATED.pattern})\s*(?:on|am|le|el|il|op)?\s*:?\s*$", re.I)


# A time zone's letters, or a comma left alone between a stamp's parts.
ZONE = re.compile(r"^(?:[A-Z]{2,5},?|,)$")


def _labelled_date(block: Block, dayfirst: bool | None) -> str | None:
    """The date of a short line that labels it as a stamp (see STAMP_LABEL), a clock time,
    a time zone or a weekday aside ("updated 3:06 PM EST, Wed November 7, 2012"); not of a
    sentence that names an update ("The list was last updated on 3 March 2021.")."""
    dates = _shown_dates(block.text, dayfirst)
    if block.words > CREDIT_LINE_WORDS or not dates or _closes_sentence(block.text, dates):
        return None
    before = CLOCK_TIME.sub(" ", block.text[: dates[0][0]]).split()
    while before and (ZONE.match(before[-1]) or is_weekday(before[-1])):
        before.pop()
    return dates[0][2] if STAMP_LABEL.search(" ".join(before)) else None


# The mark between the parts of a player's or a teaser's line ("Programme - Episode - DATE").
PART_MARK = re.compile(r"\s[-–—|]\s")


def _closing_part_date(block: Block, dayfirst: bool | None) -> str | None:
    """The date that opens the last part of a short line cut by dashes or bars, if that part
    is a stamp: an audio or video player's "Programme - Episode title - 18.03.2020 13:15
    Uhr Autor/in: NAME". (A date inside the part belongs to a sentence.)"""
    if block.words > CREDIT_LINE_WORDS or _closes_sentence(block.text, _shown_dates(block.text, dayfirst)):
        return None
    part = PART_MARK.split(block.text)[-1]
    dates = _shown_dates(part, dayfirst)
    if dates and dates[0][0] == 0 and _words_beside_dates(part, dates) <= STAMP_OTHER_WORDS:
        return dates[0][2]
    return None


def _closing_credit_date(block: Block, dayfirst: bool | None) -> str | None:
    """The date of a dated by-line set as the last line of a longer block: a text browser
    prints the by-line under the standfirst with no blank line between them ("... im Netz
    haben." / "von NAME am 14. Mai 2014, 15:40 Uhr")."""
    line = block.lines[-1]
    if len(block.lines) < 2 or not parse_byline(line):
        return None
    dates = find_dates(line, dayfirst=dayfirst)
    return dates[0][2] if dates else None


def _told_in_a_sentence(block: Block, dayfirst: bool | None) -> bool:
    """Whether the block's first date is part of a sentence ("The act was signed into law on
    August 14, 1935", a story highlight) rather than a stamp or a by-line ("Posted on", "By
    Jane Roe |", "Jane Roe, Courier 8:42 a.m.", "Blog Name - Its Tagline ━━━"): on its line,
    eight words or more before it, not opening with "By", of letters, commas and full stops
    only, none of them a stamp word (a list item's mark aside)."""
    for line in block.lines:
        dates = find_dates(line, dayfirst=dayfirst)
        if dates:
            before = LIST_MARK.sub("", line[: dates[0][0]])
            words = before.split()
            return (
                len(words) >= 8
                and not re.search(r"[^\w\s'’,.]|\d", before)
                and words[0].casefold() != "by"
                and not any(word.strip(",:").casefold() in STAMP_WORDS for word in words)
            )
    return False
