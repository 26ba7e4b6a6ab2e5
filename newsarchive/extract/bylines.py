"""Credit lines: by-lines ("By NAME, Staff Writer", "By A and B"), reviewer lines
("Medically Reviewed by Dr NAME"), news-service lines ("WebMD UK Health News", "Reuters")
and photo credits.

Each parser takes one line and answers None when the line is not of its kind, so the
caller can try them in turn.
"""

from __future__ import annotations

import re

from newsarchive.extract.dates import find_dates, is_month, is_weekday

BY = re.compile(
    # (the kind of piece may come first: "Analysis by Jane Roe, Chief Analyst")
    r"^\W*(?:(?:written|posted|words|story|text|report(?:ed)?|article|analysis|opinion|commentary|interview|essay|column)\s+)?"
    r"(?:by|von|par|por|di|door|de)\s*[:\s]\s*(?P<rest>.+)$"
    r"|^\W*(?:author|authors|auteur|autor|autore|auteurs)\s*[:]\s*(?P<rest2>.+)$",
    re.I,
)
REVIEWER = re.compile(
    r"^\W*(?:medically\s+|clinically\s+|editorially\s+)?(?:reviewed|fact[- ]checked)\s+by\s*:?\s*(?P<name>.+?)\s*$",
    re.I,
)
# Words that describe a person's job, not their name: where a by-line's names stop.
ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|editors|contributor|columnist|journalist|producer|"
    r"press|news|service|wire|agency|for|in|at|special|senior|chief|associate|political|business|"
    r"health|science|sports?|technology|tech|updated|published|posted|last|mis à jour|redakteur|redaktion)\b",
    re.I,
)
# Words of a page's buttons, pagers and fact boxes, capitalised like names and set beside
# the date ("Text Size", "Email This", "Newer Article", "Developer Yacht Club Games"):
# never a person's name.
INTERFACE_WORDS = frozenset("""
    text size font email print share comments comment subscribe login sign developer publisher
    platform platforms release genre rating price older newer next previous article post story
""".split())
# The words that open a stamp after the names, in the languages read ("von NAME
# Veröffentlicht am 1. Mai 2019", "par NAME publié le ...").
STAMP_WORDS = (
    r"(?:updated|published|posted|veröffentlicht|aktualisiert|publié|publicado|actualizado|pubblicato|aggiornato"
    r"|gepubliceerd|bijgewerkt)\b"
)
COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright\b)", re.I)
# A site named by its address ("Example.org", "news.example.co.uk").
DOMAIN_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.I)
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*|van|von|de|der|den|da|di|del|della|dos|du|la|le|bin|al|ibn|ter|te|y|Mc\w*)$")
TITLES = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?\s+", re.I)
# News services named on their own line under a headline.
AGENCIES = re.compile(
    r"^(?:reuters|associated press|the associated press|ap|afp|agence france-presse|press association|pa|bloomberg|"
    r"dpa|efe|ansa|anp|upi|cnn wire|bbc news|[\w&.' -]{2,40}\s(?:news|newswire|news service|wire|press))$",
    re.I,
)


def _is_name(text: str) -> bool:
    words = TITLES.sub("", text).split()
    if not 1 <= len(words) <= 5:
        return False
    if not words[0][:1].isupper():
        return False
    return all(NAME_WORD.match(word) for word in words)


def is_person(text: str) -> bool:
    """A line that is a person's name and nothing else ("Nadia Sorensen"): two names of two
    letters or more ("A A A" is a text-size button), none of them a button's word."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and _is_name(text)
        and all(w[:1].isupper() for w in words[-1:])
        and sum(len(w.strip(".")) >= 2 for w in words) >= 2
        and not any(w.casefold() in INTERFACE_WORDS for w in words)
    )


def _clean_name(text: str) -> str:
    return " ".join(text.strip(" \t-–—|,;:.").split())


def parse_byline(line: str) -> list[str] | None:
    """The person names of a by-line, or None when the line is not one.

    "By Jane Doe, Staff Writer" -> ["Jane Doe"]; "By A and B" -> ["A", "B"];
    "by randfish on January 31, 2011" -> ["randfish"].
    """
    # (a picture's or a widget's copyright, "© by NAME", credits no author)
    if len(line) > 160 or COPYRIGHT.match(line):
        return None
    match = BY.match(_after_leading_stamp(line.strip()))
    if not match:
        return None
    rest = match.group("rest") or match.group("rest2") or ""
    # (a text browser prints an icon's name in brackets: "By Jane Roe [writer_rss] posted ...")
    rest = BUTTONS_AFTER.sub("", BRACKETED.sub(" ", rest))
    # Anything after a date, a bar or a bullet is not part of the names.
    dates = find_dates(rest)
    if dates:
        rest = rest[: dates[0][0]]
    rest = rest[: _stamp_start(rest)]
    rest = re.split(r"\s[|•·/]\s|\s[-–—]\s|\bon\s*$|\bon\s+(?=\w+day\b)|\s+" + STAMP_WORDS, rest, flags=re.I)[0]
    rest = re.sub(r"\s+(?:on|le|am|el|il|em|op)\s*$", "", rest.strip(), flags=re.I)
    # (the day the date names: "By Bryan Roe Tuesday, Aug. 17, 2010")
    rest = re.sub(r"\s+(\S+)[\s,]*$", lambda m: "" if is_weekday(m.group(1)) else m.group(0), rest)
    names: list[str] = []
    for segment in re.split(r",|;|\s+(?:and|und|et|y|e|en)\s+|\s+&\s+", rest):
        segment = _clean_name(segment)
        if not segment:
            continue
        if ROLE.search(segment) and names:
            break
        # (the name run into the job or the publication, the comma lost with a line
        # break: "By Jane Roe CNBC Executive News Editor", "By Jane Roe WebMD Health News")
        head = _name_before_job(segment)
        if head:
            names.append(_name_case(head))
            break
        if ROLE.search(segment):
            return None
        # (after a name, a news service or the site: "By Jane Roe, CNN", "By Jane Roe and
        # AP", "by Jane Roe, Example.org")
        if names and (AGENCIES.match(segment) or re.fullmatch(r"[A-Z]{2,5}", segment) or DOMAIN_NAME.fullmatch(segment)):
            break
        if _is_name(segment) or (not names and re.fullmatch(r"[\w.'-]{2,30}", segment)):
            names.append(_name_case(segment))
        else:
            break
    return names or None


# A word that opens a publication's name rather than a person's: an acronym or a brand
# with a capital inside ("CNBC", "WebMD", "ESPN.com").
BRAND_WORD = re.compile(r"^(?:[A-Z]{2,}(?![a-z])|(?!Ma?c)[A-Z][a-z]+[A-Z])")
ARTICLES = frozenset("the a an le la les l' der die das el los il lo de het".split())


def _name_before_job(segment: str) -> str | None:
    """The person's name that opens a by-line's run of name and job or publication, or
    None: the shortest run of two or more name words that the rest follows as a job or a
    publication does, by opening with its word ("Staff Writer"), a news service or a brand."""
    words = segment.split()
    if words[0].casefold() in ARTICLES:
        return None  # ("The Associated Press" is a service: "The" is no first name)
    for size in range(2, min(4, len(words) - 1) + 1):
        head, tail = " ".join(words[:size]), " ".join(words[size:])
        if _is_name(head) and not ROLE.search(head) and not _has_brand(head):
            # (in a by-line set in capitals, every word reads as an acronym)
            if ROLE.match(tail) or AGENCIES.match(tail) or BRAND_WORD.match(tail) and not segment.isupper():
                return head
    return None


def _has_brand(name: str) -> bool:
    """Whether a run of name words holds a brand's (not a name set in capitals throughout)."""
    return not name.isupper() and any(BRAND_WORD.match(word) for word in name.split())


# A by-line may print the day of the story beside the names without its year ("March
# 18", "18 mars") or a clock time ("3:57 PM"): where the names stop.
DAY_NUMBER = re.compile(r"^[0-3]?\d(?:st|nd|rd|th|er)?[.,]?$")
CLOCK = re.compile(r"^\d{1,2}[:.h]\d\d\b")


# What may stand before the date a blog's stamp opens with ("Posted on", "Published").
STAMP_OPENING = re.compile(r"^\W*(?:(?:posted|published|written)\s+)?(?:on\s+)?$", re.I)
# What may follow that date before the "by": its clock time ("at 8:05 am").
STAMP_TIME = re.compile(r"^[\s,]*(?:at\s+)?(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?)?[\s,]*", re.I)


def _after_leading_stamp(line: str) -> str:
    """A line with the stamp a blog opens its by-line with taken off ("on March 10, 2015
    by Jane Roe" -> "by Jane Roe"); the line as it is when it does not open with a date."""
    dates = find_dates(line)
    if not dates or not STAMP_OPENING.match(line[: dates[0][0]]):
        return line
    rest = line[dates[0][1]:]
    return rest[STAMP_TIME.match(rest).end():]


def _stamp_start(rest: str) -> int:
    """Where a stamp without a year begins in what follows "By" (the end when there is
    none): "Jane Roe March 18 at 3:57 PM" -> before "March"."""
    words = list(re.finditer(r"\S+", rest))
    for place, word in enumerate(words):
        after = words[place + 1].group() if place + 1 < len(words) else ""
        if CLOCK.match(word.group()):
            return word.start()
        if DAY_NUMBER.match(word.group()) and is_month(after) or is_month(word.group()) and DAY_NUMBER.match(after):
            return word.start()
    return len(rest)


BRACKETED = re.compile(r"\s*\[[^\]]{0,40}\]\s*")
# The buttons and topic labels a by-line may carry after the names ("Email Author",
# "Follow @janeroe", "RSS feed", "Topics Celebrity", "Filed under").
BUTTONS_AFTER = re.compile(r"\s+(?:e-?mail|follow|rss|contact|topics?|tags?|filed)\b.*$", re.I)
# What parts a post's stamp line: "Jane Roe — 2013-09-29 — in Code — Permalink" (a dash
# written "---" or "--" as pandoc and plain-text writers set it).
STAMP_PARTS = re.compile(r"\s*(?:\s[-–—|·•]|[–—|·•]|-{2,3})\s*")


def parse_name_stamp(line: str) -> list[str] | None:
    """The author of a stamp line that opens with the person's name and then the date,
    with no "By" ("Jane Roe — 2013-09-29 — in Code", "Jane Roe | March 3, 2012"), or None."""
    parts = STAMP_PARTS.split(line.strip(), maxsplit=2)
    if len(parts) < 2 or not is_person(parts[0]):
        return None
    dates = find_dates(parts[1])
    return [_name_case(parts[0])] if dates and dates[0][0] == 0 else None


def _name_case(name: str) -> str:
    """A name set in capitals as a name is written ("MAGGIE HABERMAN" -> "Maggie Haberman")."""
    return name.title() if name.isupper() and len(name.split()) >= 2 else name


def parse_reviewer(line: str) -> str | None:
    """The reviewer named by "Medically Reviewed by Dr Rob Hicks" ("Dr Rob Hicks"), or None."""
    match = REVIEWER.match(line.strip())
    if not match:
        return None
    name = match.group("name")
    dates = find_dates(name)
    if dates:
        name = name[: dates[0][0]]
    name = re.split(r",|\s+on\s*$|\s[|•-]\s", name)[0]
    name = _clean_name(name)
    return name if _is_name(name) else None


SOURCE_LINE = re.compile(r"^\W*(?:source|sources|quelle|source|fuente|fonte|bron)\s*:\s*(?P<name>[^|]{2,60}?)\s*$", re.I)
# "SAO PAULO (Commodity News Service) - ", "LONDON, 3 May 2016 - ", "BERLIN (dpa) – "
CITY_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{1,30}?)(?:,\s*(?P<date>[^-–—()]{4,30}?))?\s*(?:\((?P<source>[^)]{2,40})\))?\s*[-–—]\s+(?=\S)"
)


def parse_dateline(paragraph: str) -> tuple[str | None, str | None, str] | None:
    """A paragraph opening with "CITY (Source) - " or "CITY, date - ": (source, date text, the rest)."""
    match = CITY_DATELINE.match(paragraph)
    if not match or not (match.group("source") or match.group("date")):
        return None
    city = match.group("city").strip()
    if len(city) < 3 or not city.replace(" ", "").replace(".", "").isupper():
        return None
    return match.group("source"), match.group("date"), paragraph[match.end():]


def parse_source_line(line: str) -> str | None:
    """The name in a "Source: Northern Press Agency" line."""
    match = SOURCE_LINE.match(line.strip())
    return _clean_name(match.group("name")) if match else None


PARTICLES = frozenset("of for and & the on de du des der die das di da del della do dos das van von het la le les el y e et und en".split())


def is_organisation(line: str) -> bool:
    """A short name with every word capitalised ("Harbor City Tribune"), as under a by-line."""
    words = line.split()
    return 1 <= len(words) <= 6 and not line.endswith((".", "!", "?", ":")) and all(
        w[:1].isupper() or w.lower() in PARTICLES for w in words
    ) and not any(c.isdigit() for c in line)


def parse_source(line: str) -> str | None:
    """A news-service credit standing alone on a line ("WebMD UK Health News", "Reuters")."""
    text = _clean_name(line)
    if not text or len(text) > 45 or not text[:1].isupper():
        return None
    if text.lower().startswith(("the latest", "more ", "top ", "latest", "breaking", "world news", "local news")):
        return None
    # A service's name is capitalised throughout; "Health news" is a section, not a source.
    if not all(w[:1].isupper() or w in ("of", "for", "and", "&", "the") for w in text.split()):
        return None
    return text if AGENCIES.match(text) else None
