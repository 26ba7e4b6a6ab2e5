"""Which blocks of a text page are the article body: block classes, the densest region,
and sub-headings told apart from captions and furniture headings.

Each block gets a class in the spirit of jusText (good prose, near-good, short, bad,
furniture) from its length, stop-word density, punctuation and the furniture lexicon.
The body is the contiguous run of blocks with the highest score (prose counts for, menus
and boxes against; Kadane's maximum-sum run), so a stray paragraph in a footer or a
comment thread does not join the article. Inside the run, short blocks are kept when
they read as sentences, kept as sub-headings when they sit between paragraphs and read as
headings, and dropped otherwise (captions, "Advertisement", share bars).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsarchive.extract.bylines import is_person, parse_byline
from newsarchive.extract.dates import find_dates
from newsarchive.extract.furniture import FILE_NAME, furniture_reason, is_box_heading, is_captioned, is_credit, is_notice
from newsarchive.extract.textblocks import Block

GOOD_STOP_DENSITY = 0.30
NEAR_STOP_DENSITY = 0.20
GOOD_WORDS = 12
# A block this long with this share of its words capitalised is a run of link titles ("Top
# 10 Hits Of The End Of… Top 10 Rock Operas That Deserve…"), however many stop words it
# has: prose capitalises names and the first word of a sentence, not every word.
TITLE_CASE_WORDS = 20
TITLE_CASE_SHARE = 0.7
NEAR_WORDS = 7
MAX_HEADING_WORDS = 14
# Weight added to the first paragraph under a headline and its by-line or date: a short
# article must not lose to a long disclaimer further down the page.
OPENING_BONUS = 40.0
OPENING_REACH = 5
# The most blocks of pictures' words (alt text, caption, credit) that the reach looks past.
PICTURE_WORDS_BLOCKS = 6
# The heading of a box about the author, the blog or the site: "About the author", "About
# Jane Roe", "Über den Autor", "L'auteur".
THE_AUTHOR = r"(?:the\s+|l['’]\s*|el\s+|la\s+|o\s+|a\s+|der\s+|die\s+|de\s+)?(?:author|auteure?|autor(?:in|a)?|autore|autrice)s?"
ABOUT_BOX = re.compile(
    r"^\W*(?:about\s+\S.*|über\s+(?:den|die)\s+autor(?:in)?|à\s+propos\s+de\s+l['’]auteur|sobre\s+(?:el|la|o|a)\s+autor[a]?"
    rf"|sull['’]\s*autore|over\s+de\s+auteur|{THE_AUTHOR})(?<![:.?!])$",
    re.I,
)
# The heading alone, naming no one: "The author", "L'AUTEUR", "Der Autor", "El autor".
AUTHOR_HEADING = re.compile(rf"^\W*{THE_AUTHOR}\W*$", re.I)
ABOUT_WORDS = 5
ABOUT_NAME = re.compile(r"^\W*about\s+(\w.*?)\W*$", re.I)
# The most words of a credit line: "Published on 09/08/2012 by Jane Roe in News, Videos".
CREDIT_WORDS = 14
# The fewest items of a list between two paragraphs that is the article's (see `_lists_in_prose`).
LIST_ITEMS = 2
BARE_LIST_ITEMS = 3
# A numbered item over a paragraph heads a section of a ranked list: "3. Jane Roe", "10) The
# harbour" (a bulleted line over a paragraph is a list's item more often than a heading).
NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
# lynx's stand-in for an embedded frame, its address: "IFRAME: https://video.example/embed/12".
EMBEDDED_FRAME = re.compile(r"^\s*IFRAME:", re.I)
# w3m's stand-in for a picture without alt text: its file name, cut short, in brackets
# ("[30-harbour]", "[tide_chart]"; a button's label in brackets is a word: "[Search]").
PICTURE_NAME = re.compile(r"^\[(?=[\w.-]*[\d_-])[\w.-]{3,40}\]$")
# A headline that opens with a number, the number of things it lists: "10 Ways to Save".
NUMBERED_HEADLINE = re.compile(r"^\d{1,4}\+?\s+[A-Z]")
# A box heading this strong ends the article whatever follows it, and so does a line that
# says no more than this though the lexicon takes it for a button, not a heading ("Post a
# Comment" under a blog post, with the blog's sidebar below it).
TERMINATOR = re.compile(
    r"^\W*(?:comments?|leave a (?:reply|comment)|post a comment|add (?:a|your) comment|"
    # the thread's heading counting its comments, in the languages read: "27 comments", "27 commentaires"
    r"\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties|réactions)|"
    # the thread's heading naming its writers, with their count: "Reader Comments (3)", "Visitor comments 3 total"
    r"(?:readers?['’]?|users?|visitors?)\s+comments?(?:\W*\d+\)?(?:\s+total)?)?|"
    r"kommentare|commentaires|comentarios|commenti|comentários|reacties|réactions|réagir|stay informed|"
    # the same button in the other languages read: "Comment", "Leave a comment"
    r"kommentieren|kommentar schreiben|schreiben sie einen kommentar|commenter|laisser un commentaire|"
    r"ajouter un commentaire|comentar|deja (?:un|tu) comentario|escribe (?:un|tu) comentario|commenta|"
    r"lascia un commento|scrivi un commento|deixe (?:um|seu|o seu) comentário|reageer|reageren|plaats een reactie)\W*$",
    re.I,
)
# Where a comment thread begins: "94 comments… read them below or add one", "Leave a Reply".
COMMENTS_START = re.compile(
    r"^\W*(?:\d+\s+(?:comments?|responses?|replies|thoughts)\b|comments?\W*$|leave a (?:reply|comment)|post a comment|add (?:a|your) comment"
    r"|(?:readers?['’]?|users?|visitors?)\s+comments?\b)",
    re.I,
)
# The label of a comment heading or button alone: "Comments", "* Comment".
COMMENTS_WORD = re.compile(r"^\W*comments?\W*$", re.I)
# A line that counts the comments: "340 comments", "100 of 340 comments loaded", "Comments (7)",
# and so in the other languages read: "15 » Comentarios", "12 Kommentare", "Commenti (4)".
COMMENT_WORDS = (
    r"(?:comments?|responses|replies|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties|r[ée]actions?)"
)
COMMENT_COUNT = re.compile(rf"\b\d+\W{{0,3}}\s{COMMENT_WORDS}\b|\b{COMMENT_WORDS}\s*\(\d+\)", re.I)
# A comment heading that counts the comments at the start of a paragraph that runs on:
# "Comments (7) 1. Emily says: ...", "12 Responses 1. ..." (see `_before_run_on_thread`).
RUN_ON_THREAD = re.compile(r"^\W*(?:(?:comments?|responses|replies)\s*\(\d+\)|\d+\s+(?:comments?|responses|replies)\b)", re.I)
RUN_ON_HEADING_WORDS = 12
# The heading of a comment thread, naming the article: "42 Responses to “Headline”".
THREAD_HEADER = re.compile(r"^\W*\d+\s+(?:comments?|responses?|replies|thoughts)\s+(?:to|on)\b", re.I)
# The line over a reader's comment: "Emily says:", "20. Jul, 2012 / Emily says:".
COMMENT_STAMP = re.compile(r"\b(?:says|said|wrote|writes)\s*:\s*$", re.I)
# A time of day: "1:04:41 AM", "17:46".
CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
# The link under a comment: "Reply", "[Reply]", "Reply to this".
REPLY = re.compile(r"^\W*reply\b", re.I)
# Short date lines that show a run to be a thread of dated comments.
THREAD_DATES = 3
# How far after a stamp the next stamp or "Reply" link shows a thread, in blocks.
THREAD_REACH = 8
# ...unless, within RESUME_REACH blocks, RESUME_STREAK paragraphs follow one another.
RESUME_REACH = 5
RESUME_STREAK = 4
# A stretch of furniture that ends the article when less prose follows it than this share
# of the prose above it (see `_before_furniture_gap`).
GAP_BLOCKS = 4
GAP_WEIGHT = 10.0
GAP_SHARE = 0.5
# A site's menu crossed by the run (see `_after_menu`): this many blocks or more between two
# paragraphs, none of them prose.
MENU_BLOCKS = 20
# ...MENU_SHARE of them a menu's line, of MENU_ITEM_WORDS words at most.
MENU_SHARE = 0.8
MENU_ITEM_WORDS = 3


# A teaser of another page or comment: cut short before a "read more" (or "Read…") link, or before the
# by-line a "recent comments" box puts after it ("Great phone... by Sam"). (A paragraph
# that merely trails off with "..." is an author's habit.)
# (A copy may give the link twice, its text and its label for screen readers: "Read more Read more".)
TEASER = re.compile(
    r"(?:\.\.\.|…)\s*\[?(?:read(?: more)?|more|continue reading)(?:\W+(?:read more|continue reading))?\W*$|(?:\.\.\.|…)\s*by\s+[A-Z\w]", re.I
)
TEASER_WORDS = 60
# A teaser of another story closed by that story's by-line, after its last sentence:
# "... fordert er. Von Jane Roe und Sam Poe" (see `_closed_by_credit`).
CLOSING_CREDIT = re.compile(r"[.!?…][\"'’”»)]*\s+([^.!?…\n]{3,160})$")
# A copyright line: "© 2011 Example News", "Copyright 2011 Example News. All rights reserved."
COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)\s*\d{4}|copyright\b)", re.I)
# A line of a transcript, opening with the time it is spoken at: "01:14 Is only way to ..."
TIME_CODE = re.compile(r"^\W*(\d{1,3}):([0-5]\d)\s+\S")
TRANSCRIPT_LINES = 4
TRANSCRIPT_WORDS = 20
# A line of a news ticker, opening with the time of its item: "14:44 Ministers meet the
# unions", "• 9h05", "2:44 pm" (see `_before_ticker`).
TICKER_STAMP = re.compile(r"^\W*([01]?\d|2[0-3])[:h]([0-5]\d)(?:\s*([ap])\.?m\b\.?)?(?![\d:])", re.I)
TICKER_STAMPS = 4
TICKER_WORDS = 25
# How far the next item's stamp may stand below a stamp, in blocks (past a picture, a
# paragraph, an embedded post).
TICKER_REACH = 8
# A box of blurbs (see `_mark_blurb_boxes`): BLURB_BOX_ITEMS or more paragraphs of at most
# BLURB_BOX_WORDS words, each alone under a label of at most BLURB_BOX_LABEL_WORDS words,
# no more than BLURB_BOX_GAP blocks apart.
BLURB_BOX_ITEMS = 3
BLURB_BOX_WORDS = 25
BLURB_BOX_LABEL_WORDS = 4
BLURB_BOX_GAP = 3
# A gallery set in the article (see `_mark_gallery_slides`): its title printed over each of
# GALLERY_SLIDES slides or more, each a label, a caption and a credit at most, so that two
# titles stand at most SLIDE_BLOCKS blocks apart; a title of GALLERY_TITLE_WORDS words or more.
GALLERY_SLIDES = 3
SLIDE_BLOCKS = 6
GALLERY_TITLE_WORDS = 3
# Typeset quotation marks and their plain stand-ins, the same to a reader.
QUOTES = str.maketrans("“”„‟«»‘’‚‛", '""""""' + "''''")
# The most words of the label between the two copies of a caption printed twice (see
# `_mark_twice_printed_captions`).
CAPTION_LABEL_WORDS = 2
# A label that counts the parts of an article: "Step 3", "Part 2", "Étape 4".
LABEL_COUNT = re.compile(r"^\W*([^\W\d_]+)\s+(\d{1,3})\W*$")
# The heading of a box of other stories: "Related News On The Gazette:", "More from Business".
OTHER_STORIES = re.compile(r"^\W*(?:related|more\s+(?:from|on|in|stories|news)|most\s+(?:popular|read|viewed))\b", re.I)
# A link to the rest of a story on its own line: "Read more »", "Continue reading →".
READ_MORE_WORDS = (
    r"(?:read more|continue reading|read the rest|weiter\s?lesen|mehr lesen|lire la suite|leer más|seguir leyendo|leggi tutto"
    r"|continua a leggere|leia mais|continue lendo|lees meer|verder lezen)"
)
# (or drawn as arrows alone: "»»»", "→")
READ_MORE = re.compile(rf"^\W*{READ_MORE_WORDS}(?:\W+{READ_MORE_WORDS})?\W*$|^\s*[»›→]{{1,3}}\s*$", re.I)
# A blurb of another page, or of the site, closed by its link: "... by this new breed. View
# more", "... publishing stories here! Learn more." An article's paragraph does not end by
# sending the reader elsewhere for more. (The link may wear an arrow and, in lynx, its
# number: "... New York... [39]→ Learn More".)
BLURB = re.compile(rf"[.!?…]['\"’”)]*\s+(?:\[\d+\])?[→»›]?\s*(?:{READ_MORE_WORDS}|view more|learn more|see more)\W*$", re.I)


@dataclass
class Verdict:
    """The class of a block and what decided it."""

    kind: str  # good, near, short, bad, furniture, box, slide
    rule: str
    weight: float
    learned: bool = False  # furniture because the site's other pages carry it
    own_kind: str = ""  # for a learned block, its class from its own features


def classify(block: Block, learned: bool) -> Verdict:
    """The class of one block, from its own features alone."""
    # A box heading stays a box heading when the site repeats it: "Comments" recurs on
    # every page of a blog, and it is where the article ends, which plain furniture is not.
    if is_box_heading(block.text):
        strong = bool(TERMINATOR.match(block.text))
        return Verdict("box", "heading of a furniture box" + (" (ends the article)" if strong else ""), -40.0 if strong else -15.0)
    if block.words <= 4 and block.text.isupper() and not block.ends_sentence:
        return Verdict("box", "a label in capitals (FEATURED POST)", -8.0)
    if learned:
        own = classify(block, False)
        return Verdict("furniture", "recurs on other pages of this site", -max(5.0, block.words), learned=True, own_kind=own.kind)
    if EMBEDDED_FRAME.match(block.text):
        # (weighs as little as a picture: a video set in the article is its own, a widget
        # beside it is no prose either)
        return Verdict("furniture", "an embedded frame, by its address", -1.0)
    if PICTURE_NAME.match(block.text):
        # (nothing: copies that leave pictures out show nothing there, and a gallery's
        # pictures between its captions are the article's)
        return Verdict("furniture", "a picture, by its file name in brackets", 0.0)
    reason = furniture_reason(block.text, block.words)
    if reason:
        return Verdict("furniture", reason, -max(4.0, block.words * 0.7))
    if is_alt_text(block):
        return Verdict("furniture", "photo alt text or caption (lower-case, not a sentence)", -3.0)
    if block.words > 4 and block.text.isupper():
        # (an agency's caption or a notice; an article is not set in capitals)
        return Verdict("furniture", f"{block.words} words in capitals (a caption or a notice, not prose)", -block.words * 0.5)
    if block.widgets and block.words <= 12:
        return Verdict("furniture", "form widget or image placeholder", -4.0)
    if block.separators >= 2 and block.separators * 4 >= block.words:
        return Verdict("furniture", f"menu: {block.separators} separators", -max(4.0, block.words * 0.7))
    if block.words <= TEASER_WORDS and TEASER.search(block.text):
        return Verdict("furniture", "a teaser cut short (\"...\" before 'read more' or its by-line)", -block.words * 0.5)
    if block.words <= TEASER_WORDS and _closed_by_credit(block.text):
        return Verdict("furniture", "a teaser closed by its story's by-line ('... By Jane Roe')", -block.words * 0.5)
    if BLURB.search(block.text):
        return Verdict("furniture", "a blurb closed by its link ('... View more')", -block.words * 0.5)
    density = block.stop_density
    if block.words >= GOOD_WORDS and block.digits > 0.3:
        return Verdict("bad", f"{block.words} words, {block.digits:.0%} numbers (a list of dates or scores)", -block.words * 0.5)
    if block.words >= TITLE_CASE_WORDS and block.capitalised >= TITLE_CASE_SHARE:
        return Verdict("bad", f"{block.words} words, {block.capitalised:.0%} capitalised (link titles run together)", -block.words * 0.5)
    if block.words >= GOOD_WORDS and density >= GOOD_STOP_DENSITY and (block.ends_sentence or block.words >= 20):
        # Prose weighs by its length, and more the more it reads like running text:
        # promotional blurbs and lists of names sit just above the threshold.
        weight = block.words * min(1.0, (density - 0.15) / 0.3)
        return Verdict("good", f"{block.words} words, stop-word density {density:.2f}", weight)
    # Near-good needs to read as a sentence: "The Well Quiz: Are You a Morning Person?" is a link.
    if block.words >= NEAR_WORDS and density >= NEAR_STOP_DENSITY and block.ends_sentence and block.capitalised < 0.5:
        return Verdict("near", f"{block.words} words, stop-word density {density:.2f}", block.words * 0.3)
    if block.words < GOOD_WORDS:
        # Title-case lines are link titles more often than sub-headings; a run of them is a list.
        penalty = -2.0 if block.bullet or (block.words >= 3 and block.capitalised >= 0.6) else -1.0
        return Verdict("short", f"{block.words} words", penalty)
    return Verdict("bad", f"{block.words} words, stop-word density {density:.2f} (not prose)", -block.words * 0.5)


def _closed_by_credit(text: str) -> bool:
    """Whether a paragraph's last words, after its last sentence, are a by-line ("...
    fordert er. Von Jane Roe und Sam Poe"): a box of other stories gives each teaser its
    writers. An article's paragraph does not end by crediting its writers with no stop
    after them (its by-line stands apart, above it or below)."""
    found = CLOSING_CREDIT.search(text)
    return bool(found) and len(found.group(1).split()) <= CREDIT_WORDS and bool(parse_byline(found.group(1)))


def _mark_author_boxes(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture a box about one of the article's writers: a line that is a
    person's name, named by a by-line above it ("Von Jane Roe, Berlin"), over a paragraph
    that opens with the name ("Jane Roe joined the paper in 2001 ..."). A news site sets it
    under the by-line or after the article; either way it is about the writer, not the
    story. (A profile that opens a paragraph with its subject's name does not set the name
    alone above it, nor does a by-line name its subject.)"""
    writers: set[str] = set()
    for index, block in enumerate(blocks[:-1]):
        if block.words <= CREDIT_WORDS:
            writers.update(parse_byline(block.text) or ())
        name = block.text.strip()
        if name not in writers or not is_person(name) or verdicts[index + 1].kind not in ("good", "near"):
            continue
        if blocks[index + 1].text.startswith(name):
            verdicts[index] = Verdict("furniture", "the name over a box about the writer", -2.0)
            verdicts[index + 1] = Verdict("furniture", "a box about the writer, under the name a by-line gives", -blocks[index + 1].words * 0.5)


def _mark_teasers(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as teasers the lone paragraphs of TEASER_WORDS words or fewer that stand
    between a headline (or anything but prose) and a "Read more" link on its own line:
    the opening of another page (a blog's list of recent posts), however much it reads
    like prose. (The last of several paragraphs before such a link is the article's own,
    linking on to a gallery or a second page.)"""
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if verdicts[index].kind not in ("good", "near") or verdicts[index - 1].kind in ("good", "near"):
            continue
        if block.words <= TEASER_WORDS and READ_MORE.match(blocks[index + 1].text):
            verdicts[index] = Verdict("furniture", "a teaser: a 'read more' link follows it", -block.words * 0.5)


def _mark_transcripts(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture the lines of a video's transcript set beside the article: a run
    of TRANSCRIPT_LINES short lines or more, one after another, each opening with the time
    it is spoken at ("00:22 country's busiest airport fear and concern --"), the times
    going up. Fragments of speech cut at the time codes, however much they read like prose.
    (A live blog's entries run newest first, and say more than a line each.)"""
    index = 0
    while index < len(blocks):
        stop = index
        while stop < len(blocks) and _transcript_line(blocks[stop]) and (
            stop == index or _seconds(blocks[stop]) > _seconds(blocks[stop - 1])
        ):
            stop += 1
        if stop - index >= TRANSCRIPT_LINES:
            for i in range(index, stop):
                verdicts[i] = Verdict("furniture", "a line of a video's transcript, by its time code", -blocks[i].words * 0.5)
        index = max(stop, index + 1)


def _mark_blurb_boxes(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture a sidebar of blurbs: BLURB_BOX_ITEMS or more short paragraphs
    (see BLURB_BOX_WORDS), each alone under a label of a few words ("WiFi Parks", "Gluten
    Free Food"), close to one another. A guide's box says a sentence about each page it
    links to; together they can outweigh a short item. (An article's sections run longer
    or hold more than one paragraph; a round-up post's list of blurbs follows the
    paragraph that introduces it.)"""
    blurbs = [i for i in range(1, len(blocks)) if _lone_blurb(blocks, verdicts, i)]
    box: list[int] = []
    for index in blurbs + [None]:
        if index is not None and (not box or index - box[-1] <= BLURB_BOX_GAP + 1):
            box.append(index)
            continue
        if len(box) >= BLURB_BOX_ITEMS and not _introduced(verdicts, box[0] - 1) and not _counted_labels(blocks, box):
            for i in box:
                verdicts[i] = Verdict("furniture", "a blurb in a box of them, each under its own short label", -blocks[i].words * 0.5)
        box = [index] if index is not None else []


def _mark_twice_printed_captions(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture a paragraph printed twice with a short label ("Caption") or a
    picture's stand-in ("[IMG_2041]") between the copies: a gallery's caption, given as
    its blurb and again as the caption, or a picture's caption given with the picture
    above and below. An article does not say the same paragraph twice over a label. (A
    standfirst that repeats the opening paragraph has the by-line between, or nothing.)"""
    for index in range(len(blocks) - 2):
        # (a sentence of a caption's length: a sidebar may list its posts under the same short title)
        if verdicts[index].kind != "good" or not printed_again_below_label(blocks, index):
            continue
        label = blocks[index + 1]
        if verdicts[index + 1].kind == "short" or label.widgets or _picture(label):
            for i in (index, index + 2):
                verdicts[i] = Verdict("furniture", "a caption printed twice, a label between the copies", -blocks[i].words * 0.5)


def printed_again_below_label(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is printed again two blocks down, with a short label of at
    most CAPTION_LABEL_WORDS words between the copies: a caption given twice."""
    return index + 2 < len(blocks) and blocks[index + 2].text == blocks[index].text and blocks[index + 1].words <= CAPTION_LABEL_WORDS


def _mark_repeats(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture a paragraph that repeats the one right above it but for its
    quotation marks ("burning up" under “burning up”): the page's summary and its opening
    paragraph, one typeset and one not. The paragraph is the article's once."""
    for index in range(1, len(blocks)):
        # (a paragraph's length: a sidebar may list its posts under the same short title)
        if verdicts[index].kind == "good" and _folded(blocks[index].text) == _folded(blocks[index - 1].text):
            verdicts[index] = Verdict("furniture", "repeats the paragraph above, its quotation marks aside", -1.0)


def _mark_alt_over_credited_caption(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as furniture a line that the block right under it repeats with a photo credit
    run on after it: a picture's alt text over its caption ("Striking staff at the gate." /
    "Striking staff at the gate. Photograph: Jane Roe/Agency"), as a copy that shows alt
    text prints them. The caption is the picture's by its credit; the alt text is too."""
    for index in range(len(blocks) - 1):
        alt, caption = blocks[index].text, blocks[index + 1].text
        if caption.startswith(alt) and caption[len(alt):len(alt) + 1].isspace() and is_captioned(caption):
            verdicts[index] = Verdict("furniture", "a picture's alt text, over its caption that adds the photo credit", -1.0)


def _mark_gallery_slides(blocks: list[Block], verdicts: list[Verdict]) -> None:
    """Class as slides the blocks of a gallery set in the article: a short line printed
    again and again, at most SLIDE_BLOCKS blocks apart (the gallery's title over each
    slide, "Lost towns of the coast"), and the slides under each copy (a label, a caption
    that reads as prose, a credit), the last as long as the shortest before it. An article
    does not repeat a line over each of its sections; the captions are the gallery's, and
    the article goes on below it. Slides weigh nothing, so the article's run crosses the
    gallery. (Each slide must hold one caption that reads as prose, see `_captioned`.)"""
    copies: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        if verdicts[index].kind == "short" and block.words >= GALLERY_TITLE_WORDS and not block.ends_sentence and not _stamp(block):
            copies.setdefault(block.text, []).append(index)
    for indices in copies.values():
        for chain in _chains(indices, SLIDE_BLOCKS):
            if len(chain) < GALLERY_SLIDES or not all(_captioned(verdicts, a, b) for a, b in zip(chain, chain[1:])):
                continue
            slide = min(b - a for a, b in zip(chain, chain[1:]))
            for i in range(chain[0], min(len(blocks), chain[-1] + slide)):
                verdicts[i] = Verdict("slide", "a slide of a gallery, under its title printed over each slide", 0.0)


def _stamp(block: Block) -> bool:
    """A date or a by-line: a live blog may print the same over each of its entries."""
    return bool(find_dates(block.text) or parse_byline(block.text) or is_person(block.text))


def _captioned(verdicts: list[Verdict], title: int, next_title: int) -> bool:
    """Whether one paragraph stands between two copies of a gallery's title: each slide's
    caption. (A picture's alt text printed again and again over a shop's or a blog's
    pictures has nothing but pictures between its copies; a slideshow article, its
    headline printed over the picture of each section, has sections of several.)"""
    return sum(1 for v in verdicts[title + 1:next_title] if v.kind in ("good", "near")) == 1


def _chains(indices: list[int], reach: int) -> list[list[int]]:
    """The indices (in order) parted where two stand more than `reach` apart."""
    chains: list[list[int]] = []
    for index in indices:
        if chains and index - chains[-1][-1] <= reach:
            chains[-1].append(index)
        else:
            chains.append([index])
    return chains


def _folded(text: str) -> str:
    return " ".join(text.translate(QUOTES).split()).casefold()


def _introduced(verdicts: list[Verdict], label: int) -> bool:
    """Whether prose stands just above a box's first label: a post that rounds up the
    week's stories introduces its list, a sidebar stands alone."""
    return any(v.kind in ("good", "near") for v in verdicts[max(0, label - BLURB_BOX_GAP):label])


def _counted_labels(blocks: list[Block], box: list[int]) -> bool:
    """Whether the labels over a box's blurbs count up one by one, one word and a number
    each ("Step 3", "Step 4", "Step 5"; the last may close the count: "Finished"): a
    how-to's steps or an article's numbered parts, not a sidebar's links, whose labels
    name other pages."""
    counted = [LABEL_COUNT.match(blocks[i - 1].text) for i in box]
    if not counted[-1]:
        counted.pop()
    if len(counted) < BLURB_BOX_ITEMS or not all(counted):
        return False
    if len({found.group(1).casefold() for found in counted}) > 1:
        return False
    return all(int(b.group(2)) == int(a.group(2)) + 1 for a, b in zip(counted, counted[1:]))


def _lone_blurb(blocks: list[Block], verdicts: list[Verdict], index: int) -> bool:
    """A short paragraph under a short capitalised label, with no paragraph after it."""
    label, after = blocks[index - 1], verdicts[index + 1] if index + 1 < len(blocks) else None
    if verdicts[index].kind not in ("good", "near") or blocks[index].words > BLURB_BOX_WORDS:
        return False
    if after is not None and after.kind in ("good", "near"):
        return False
    return verdicts[index - 1].kind == "short" and label.words <= BLURB_BOX_LABEL_WORDS and not label.ends_sentence and label.text[:1].isupper()


def _transcript_line(block: Block) -> bool:
    return block.words <= TRANSCRIPT_WORDS and bool(TIME_CODE.match(block.text))


def _seconds(block: Block) -> int:
    minutes, seconds = TIME_CODE.match(block.text).groups()
    return int(minutes) * 60 + int(seconds)


def is_alt_text(block: Block) -> bool:
    """Alt text as a text copy shows it: "doctor and female patient" on its own line."""
    text = block.text
    return block.words <= 20 and text[:1].islower() and not block.ends_sentence and not block.bullet


def densest_run(weights: list[float]) -> tuple[int, int]:
    """(start, end) of the contiguous run with the highest total weight, end exclusive."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


def is_heading(block: Block, after: Verdict | None) -> bool:
    """A sub-heading: a short capitalised line, not a sentence, with prose after it (a
    numbered one too, see NUMBERED_ITEM)."""
    return reads_as_heading(block) and after is not None and after.kind in ("good", "near")


def reads_as_heading(block: Block) -> bool:
    """A short capitalised line, not a sentence: a sub-heading, by its looks."""
    text = block.text
    if not 1 <= block.words <= MAX_HEADING_WORDS or (block.bullet and not NUMBERED_ITEM.match(text)):
        return False
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    return not text.endswith((".", ",", ";")) and not is_credit(text)


def keep_short(block: Block) -> bool:
    """A short block inside the article that reads as a sentence of it (a one-line quote)."""
    return block.words >= 3 and block.ends_sentence and block.stop_density >= NEAR_STOP_DENSITY and block.text[-1] != ":"


def _is_credit_line(block: Block) -> bool:
    return block.words <= CREDIT_WORDS and (bool(find_dates(block.text)) or parse_byline(block.text) is not None)


def _is_headline_like(block: Block) -> bool:
    """A line that may be the headline: a few words, capitalised, not a sentence. (A
    list's headline opens with its number: "30 Designs to Inspire You"; a date line does
    too, and is none.)"""
    if not 3 <= block.words <= 25 or block.ends_sentence or block.bullet:
        return False
    return block.text[:1].isupper() or (bool(NUMBERED_HEADLINE.match(block.text)) and not find_dates(block.text))


def article_opening(blocks: list[Block], verdicts: list[Verdict]) -> int | None:
    """The first prose block that follows a headline and a by-line or date line, if any.
    (Not below a comment heading that follows some prose: there a commenter's name and
    the comment's date stand over the comment as a headline and a credit line do.)"""
    prose = False
    for index, verdict in enumerate(verdicts):
        if prose and COMMENTS_START.match(blocks[index].text):
            return None
        if verdict.kind != "good":
            continue
        if not prose and _headed_from_afar(blocks, index):
            return index
        prose = True
        window = _blocks_above(blocks, index, OPENING_REACH)
        credits = [i for i in window if _is_credit_line(blocks[i])]
        if credits and any(_is_headline_like(blocks[i]) for i in range(max(0, credits[0] - OPENING_REACH), credits[-1])):
            return index
    return None


def _blocks_above(blocks: list[Block], index: int, reach: int) -> list[int]:
    """The `reach` blocks nearest above block `index`, not counting a picture's words (its
    alt text, its caption over a photo credit, the credit; PICTURE_WORDS_BLOCKS at most): a
    lead picture between the credit line and the first paragraph puts them no further apart."""
    above: list[int] = []
    for i in range(index - 1, max(-1, index - 1 - reach - PICTURE_WORDS_BLOCKS), -1):
        if len(above) == reach:
            break
        if not _picture_words(blocks, i):
            above.append(i)
    return above[::-1]


def _picture_words(blocks: list[Block], index: int) -> bool:
    """Whether block `index` is a picture's words: its alt text, its credit, or its
    caption right over the credit. (A by-line or date line is the article's, never these.)"""
    block = blocks[index]
    if _is_credit_line(block):
        return False
    if is_alt_text(block) or (block.words <= CREDIT_WORDS and is_credit(block.text)):
        return True
    below = blocks[index + 1] if index + 1 < len(blocks) else None
    return below is not None and below.words <= CREDIT_WORDS and is_credit(below.text)


def _headed_from_afar(blocks: list[Block], index: int) -> bool:
    """Whether the page's first paragraph stands under a headline and its credit line
    however far above: a short item's share bar, caption, tags and "Add to timeline"
    notes may part it from its header, and nothing above it reads as prose."""
    credits = [i for i in range(index) if _is_credit_line(blocks[i])]
    return bool(credits) and any(_is_headline_like(blocks[i]) for i in range(max(0, credits[-1] - OPENING_REACH), credits[-1]))


def _article_goes_on(verdicts: list[Verdict], index: int, end: int) -> bool:
    """Whether a "Comments" heading is a button in the middle of the article: a few blocks
    after it, paragraphs run on one after the other, where a comment thread breaks its
    prose with names, dates and "Reply" lines."""
    streak = 0
    for after in range(index + 1, min(end, index + 1 + RESUME_REACH + RESUME_STREAK)):
        if verdicts[after].kind == "good":
            streak += 1
            if streak >= RESUME_STREAK:
                return True
        elif streak or after > index + RESUME_REACH:
            return False
    return False


def _opens_thread(block: Block, verdict: Verdict) -> bool:
    """A short line that counts the comments ("100 of 340 comments loaded", "Search 340
    Comments"): below the article's opening paragraph, the thread starts there. (Above it,
    "By NAME | 4 Comments" is the article's credit line.)"""
    return verdict.kind != "good" and block.words <= 12 and bool(COMMENT_COUNT.search(block.text))


def _before_thread(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where a comment thread begins in the run, after some of the article: the first of
    two or more comment stamps ("Emily says:", "Emily | 11/8/2012 1:04 AM") with a
    "Reply" link or another stamp close after it; else `end`. (A short line with a date
    and a time of day stands over each comment; an article has at most one, its own, or
    a pair of dated lines one under the other: "Published: 11/18/2011 2:27 AM" over "Last
    Modified: 11/18/2011 4:06 AM". Under "Emily says:" the next line may be the date of
    her comment; else the next comment's stamp comes after a comment.)"""
    def stamps_a_thread(index: int) -> bool:
        if not _comment_stamp(blocks[index]):
            return False
        says = bool(COMMENT_STAMP.search(blocks[index].text))
        following = range(index + 1, min(end, index + 1 + THREAD_REACH))
        return any((_comment_stamp(blocks[i]) and (says or i > index + 1)) or REPLY.match(blocks[i].text) for i in following)

    return _first_after_prose(verdicts, start, end, stamps_a_thread)


def _before_ticker(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where a ticker of the site's latest news begins in the run, after some of the
    article; else `end`. A ticker ("Latest", "Live", "En continu") lists items newest
    first, each under the time it was posted ("14:44 Ministers meet the unions"), most of
    them a headline alone, some with a paragraph: the paragraphs outweigh the stamps, and
    the run goes on through them. (A live blog's entries are its article: most of them
    carry a paragraph or more under their stamp, and they open the page's prose.)"""
    openings = _ticker_openings(blocks, verdicts)
    return _first_after_prose(verdicts, start, end, openings.__contains__)


def _ticker_openings(blocks: list[Block], verdicts: list[Verdict]) -> set[int]:
    """The blocks from which TICKER_STAMPS or more stamped items of a ticker follow one
    another, and most items are a headline alone (the stamp with words after the time, no
    paragraph before the next stamp). Each stamp's item runs to the next stamp within
    TICKER_REACH blocks whose time is no later than its own. Worked out from the page's
    end up, each chain once: a live blog may stamp thousands of entries."""
    minutes = [_stamp_minutes(block) for block in blocks]
    items = [0] * (len(blocks) + 1)  # (stamped items from here down the chain)
    headlines = [0] * (len(blocks) + 1)  # (of them, headlines alone, the chain's last one aside)
    openings = set()
    for index in range(len(blocks) - 1, -1, -1):
        if minutes[index] is None:
            continue
        following = range(index + 1, min(len(blocks), index + 1 + TICKER_REACH))
        after = next((i for i in following if minutes[i] is not None), None)
        if after is None or minutes[after] > minutes[index]:
            items[index] = 1
            continue
        alone = blocks[index].words > 3 and not any(verdicts[i].kind in ("good", "near") for i in range(index + 1, after))
        items[index] = 1 + items[after]
        headlines[index] = alone + headlines[after]
        if items[index] >= TICKER_STAMPS and 2 * headlines[index] > items[index] - 1:
            openings.add(index)
    return openings


def _stamp_minutes(block: Block) -> int | None:
    """The time of day a ticker's line opens with, in minutes, or None."""
    found = TICKER_STAMP.match(block.text) if block.words <= TICKER_WORDS else None
    if found is None:
        return None
    hours, minutes, half = int(found.group(1)), int(found.group(2)), (found.group(3) or "").lower()
    if half:
        hours = hours % 12 + (12 if half == "p" else 0)
    return hours * 60 + minutes


def _first_after_prose(verdicts: list[Verdict], start: int, end: int, found: Callable[[int], bool]) -> int:
    """The first block of the run (`start`, `end`) for which `found` holds once some of the
    article's prose has gone by, else `end`: what closes an article cannot open it."""
    prose = False
    for index in range(start, end):
        if prose and found(index):
            return index
        prose = prose or verdicts[index].kind == "good"
    return end


def _comment_stamp(block: Block) -> bool:
    """The line over a reader's comment: "Emily says:", or a name with the date and time
    of the comment ("2 Patrice Vialor | 11/8/2012 1:04:41 AM")."""
    if block.words > 15:
        return False
    if COMMENT_STAMP.search(block.text):
        return True
    return block.words <= 12 and not block.ends_sentence and bool(CLOCK.search(block.text)) and bool(find_dates(block.text))


def _announced_item(blocks: list[Block], verdicts: list[Verdict], roles: list[str], index: int) -> bool:
    """An item of a list the article announces with a colon ("Its innovations include:"),
    kept however short or unlike prose it reads: the items right under a kept paragraph
    that ends in a colon, one after another, all with a bullet or all without (a copy
    that drops the list's bullets, as html-text does, leaves bare lines). (A menu or a
    share bar is announced by no sentence of the article.)"""
    if verdicts[index].kind not in ("short", "bad"):
        return False
    bullet = blocks[index].bullet
    above = index - 1
    while above >= 0 and (_picture(blocks[above]) or (
        blocks[above].bullet == bullet and roles[above] == "body" and verdicts[above].kind in ("short", "bad")
    )):
        above -= 1
    return above >= 0 and roles[above] == "body" and blocks[above].text.endswith(":")


def _lists_in_prose(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> set[int]:
    """The items of the lists that stand right between two paragraphs of the article run
    (`start`, `end`): the article's own lists, though no sentence announces them with a
    colon (see `_announced_item`). LIST_ITEMS items or more with a bullet each, or
    BARE_LIST_ITEMS or more short lines where the copy drops the bullets (html-text does),
    so that a sub-heading, or a caption and its credit, is no list. A share bar or a box
    of links stands at the article's edge or under a box heading, not right between its
    paragraphs."""
    def item(i: int, bullet: bool) -> bool:
        if _picture(blocks[i]):  # (a gallery's captions, a picture between each)
            return True
        if blocks[i].bullet != bullet:
            return False
        return verdicts[i].kind not in ("furniture", "box") if bullet else verdicts[i].kind in ("short", "bad")

    def paragraph(i: int, step: int) -> bool:
        # (across a picture: one between the paragraph and the list is the article's too)
        while start <= i < end and _picture(blocks[i]):
            i += step
        return start <= i < end and verdicts[i].kind == "good" and not blocks[i].bullet

    items: set[int] = set()
    first = start
    while first < end:
        bullet = blocks[first].bullet
        if _picture(blocks[first]) or not item(first, bullet):
            first += 1
            continue
        stop = first + 1
        while stop < end and item(stop, bullet):
            stop += 1
        # (not a by-line or a date line under the run's first paragraph: a standfirst, with
        # the header's lines and a caption under it)
        header = first - 1 == start and _is_credit_line(blocks[first])
        labelled = start < first - 1 and (
            _list_label(blocks[first - 1], verdicts[first - 1])
            or (bullet and _list_heading(blocks[first - 1], verdicts[first - 1]) and paragraph(first - 2, -1))
        )
        after = paragraph(stop, 1) or (labelled and stop + 1 < end and _sub_heading(blocks, verdicts, stop))
        counted = sum(1 for i in range(first, stop) if not _picture(blocks[i]))
        if counted >= (LIST_ITEMS if bullet else BARE_LIST_ITEMS) and (paragraph(first - 1, -1) or labelled) and after and not header:
            items.update(i for i in range(first - 1 if labelled else first, stop) if verdicts[i].kind in ("short", "bad"))
        first = stop
    return items


def _sub_heading(blocks: list[Block], verdicts: list[Verdict], index: int) -> bool:
    """A short line that reads as a sub-heading, with a paragraph under it (a button of
    the lexicon is none, though it may read as one: "Bookmark to:")."""
    return verdicts[index].kind == "short" and is_heading(blocks[index], verdicts[index + 1])


def _list_label(block: Block, verdict: Verdict) -> bool:
    """A short line that names the list under it, with a colon: "What you will need:",
    "Ingredients:". (A box's heading is no label of the article's.)"""
    return verdict.kind == "short" and block.text.rstrip().endswith(":") and not block.bullet


def _list_heading(block: Block, verdict: Verdict) -> bool:
    """A sub-heading over a list with bullets, right under a paragraph ("What you get"):
    the list's, though it has no colon. (Where a copy drops the bullets, as html-text does,
    the sub-heading reads as one more of the list's bare lines.)"""
    return verdict.kind == "short" and not block.bullet and reads_as_heading(block)


def _sentence_in_prose(blocks: list[Block], verdicts: list[Verdict], index: int, start: int, end: int) -> bool:
    """A sentence of names or figures ("Anderson joins the cast members Ian Barford, Moira
    Harris and John Mahoney.", "Vancouver (5-12-0) remains last with 10 points.") right
    between two paragraphs of the article: few stop words, yet a sentence of it. (Not a
    dated credit line: "This entry was posted on 10/18/2012 at 12:22 pm.")"""
    block = blocks[index]
    if verdicts[index].kind != "bad" or not block.ends_sentence or not start < index < end - 1:
        return False
    if find_dates(block.text):
        return False
    return all(verdicts[i].kind in ("good", "near") for i in (index - 1, index + 1))


def _thread_below(blocks: list[Block], verdicts: list[Verdict], opening: int, start: int, end: int) -> int | None:
    """Where the comment thread begins below the article's opening, when the densest run
    (`start`, `end`) lies in it: at a comment heading between the two; else, when the run
    shows THREAD_DATES or more short date lines (each comment's stamp), at the first short
    date line below the opening."""
    heading = next(
        (i for i in range(opening + 1, start + 1) if COMMENTS_START.match(blocks[i].text) and not _comments_button(blocks, verdicts, opening, i, end)),
        None,
    )
    if heading is not None:
        return heading
    stamps = [i for i in range(opening + 1, end) if blocks[i].words <= 12 and find_dates(blocks[i].text)]
    if sum(1 for i in stamps if i >= start) < THREAD_DATES:
        return None
    return stamps[0]


def _comments_button(blocks: list[Block], verdicts: list[Verdict], opening: int, heading: int, end: int) -> bool:
    """Whether a comment heading is the "Comments" button of the story tools a newspaper
    sets between its standfirst and its article: the bare word, with no paragraph between
    the opening and it, and nothing below it up to `end` that shows a thread (a comment
    stamp, a "Reply" link, a short line with a date or a time of day over a comment), only
    the article's paragraphs. ("Leave a comment" heads the comment form, stamps or none.)"""
    if not COMMENTS_WORD.match(blocks[heading].text):
        return False
    if any(verdicts[i].kind == "good" for i in range(opening + 1, heading)):
        return False
    return not any(
        _comment_stamp(block) or REPLY.match(block.text) or (block.words <= 12 and (find_dates(block.text) or CLOCK.search(block.text)))
        for block in blocks[heading + 1 : end]
    )


def _above_dated_thread(
    blocks: list[Block], verdicts: list[Verdict], weights: list[float], start: int, end: int
) -> tuple[int, int]:
    """The run above a comment thread, when the densest run is the thread: it opens under
    a comment heading ("119 Comments") with prose above the heading, and THREAD_DATES or
    more short date lines stand between that heading and the run's end (each comment's
    stamp, or a "NAME said:" line), as no article has. A short post under many long comments loses the weighing,
    not the page's order."""
    heading = next((i for i in range(start - 1, -1, -1) if COMMENTS_START.match(blocks[i].text)), None)
    if heading is None or not any(verdicts[i].kind == "good" for i in range(heading)):
        return start, end
    # (up to a comment heading of its own: an article's run may reach into its own thread)
    own = next((i for i in range(start, end) if COMMENTS_START.match(blocks[i].text)), end)
    # Counted from the comment heading, not from the run's start: the stamps of the comments
    # above the run are the same thread's, and a run cut short by one weak line (a
    # commenter's name the site's other pages carry too) may hold only two of its own.
    # (a stamp may give the day without the year: "sam on Sep 21, 3:38 PM said:")
    dates = sum(1 for i in range(heading + 1, own) if (blocks[i].words <= 12 and find_dates(blocks[i].text)) or _comment_stamp(blocks[i]))
    if dates < THREAD_DATES:
        return start, end
    return densest_run(weights[:heading])


def choose_body(blocks: list[Block], verdicts: list[Verdict]) -> tuple[tuple[int, int], list[str]]:
    """The body's run of blocks and each block's role in it (body, heading, or why not)."""
    _mark_teasers(blocks, verdicts)
    _mark_author_boxes(blocks, verdicts)
    _mark_transcripts(blocks, verdicts)
    _mark_blurb_boxes(blocks, verdicts)
    _mark_twice_printed_captions(blocks, verdicts)
    _mark_repeats(blocks, verdicts)
    _mark_alt_over_credited_caption(blocks, verdicts)
    _mark_gallery_slides(blocks, verdicts)
    weights = [v.weight for v in verdicts]
    opening = article_opening(blocks, verdicts)
    if opening is not None:
        weights[opening] += OPENING_BONUS
    start, end = densest_run(weights)
    # A long comment can outweigh a short post: when the run lies in the comment thread
    # below an article opening, the article is the densest run above the thread.
    if opening is not None and start > opening:
        thread = _thread_below(blocks, verdicts, opening, start, end)
        if thread is not None:
            start, end = densest_run(weights[:thread])
    else:
        start, end = _above_dated_thread(blocks, verdicts, weights, start, end)
    start = _after_menu(blocks, verdicts, start, end)
    end = _ending_heading(blocks, verdicts, opening, start, end)
    end = _before_thread(blocks, verdicts, start, end)
    end = _before_ticker(blocks, verdicts, start, end)
    end = _before_furniture_gap(blocks, verdicts, start, end)
    end = _before_trailing_furniture(blocks, verdicts, start, end)
    end = _before_run_on_thread(blocks, verdicts, start, end)
    end = _before_other_stories(blocks, verdicts, start, end)
    end = _through_announced_list(blocks, verdicts, end)
    roles = ["outside"] * len(blocks)
    listed = _lists_in_prose(blocks, verdicts, start, end)
    for index in range(start, end):
        verdict = verdicts[index]
        block = blocks[index]
        # (a block that is no paragraph by its looks may be kept for where it stands)
        set_in_prose = index in listed or _sentence_in_prose(blocks, verdicts, index, start, end)
        if verdict.kind in ("good", "near") or _announced_item(blocks, verdicts, roles, index) or set_in_prose:
            roles[index] = "body"
        elif verdict.kind == "short" or _template_line(verdicts, roles, index, start):
            roles[index] = _short_role(block, verdicts[index + 1] if index + 1 < end else None)
        else:
            roles[index] = "dropped"
    return (start, end), roles


def _through_announced_list(blocks: list[Block], verdicts: list[Verdict], end: int) -> int:
    """The run's end moved past the list its last paragraph announces with a colon ("Here
    are the places we will visit:"), when the article ends with the list: its items, short
    lines all with a bullet or all without, weigh against the run, so the weighing stops at
    the colon. LIST_ITEMS items or more with a bullet, BARE_LIST_ITEMS without (see
    `_lists_in_prose`); a by-line, a date line or a line the lexicon takes for furniture
    is no item, and a notice ("If you enjoyed this post, please share it on:") announces
    share buttons, not the article's list. (The items are then kept by `_announced_item`.)"""
    if not 0 < end < len(blocks) or verdicts[end - 1].kind not in ("good", "near"):
        return end
    if not blocks[end - 1].text.endswith(":") or is_notice(blocks[end - 1].text):
        return end
    bullet = blocks[end].bullet
    stop = end
    # (a picture may stand between the items: a gallery's captions are its list)
    while stop < len(blocks) and (_picture(blocks[stop]) or (
        blocks[stop].bullet == bullet and verdicts[stop].kind == "short" and not _is_credit_line(blocks[stop])
    )):
        stop += 1
    items = sum(1 for i in range(end, stop) if not _picture(blocks[i]))
    return stop if items >= (LIST_ITEMS if bullet else BARE_LIST_ITEMS) else end


def _before_run_on_thread(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where a comment thread run into one paragraph with its heading begins, after some
    of the article; else `end`. A copy that loses the breaks of a thread set inside its
    heading's element prints "Comments (7) 1. Emily says: Great post..." as one line: it
    reads as prose, but no paragraph of an article opens by counting comments."""
    return _first_after_prose(
        verdicts, start, end,
        lambda index: blocks[index].words > RUN_ON_HEADING_WORDS and bool(RUN_ON_THREAD.match(blocks[index].text)),
    )


def _ending_heading(blocks: list[Block], verdicts: list[Verdict], opening: int | None, start: int, end: int) -> int:
    """Where a heading or a line that closes the article stands in the run, else `end`: a
    comment heading, a line counting the comments, a box about the author."""
    about_above = False
    for index in range(start, end):
        if TERMINATOR.match(blocks[index].text) and not _article_goes_on(verdicts, index, end):
            return index
        # (only below an article opening found by its headline and credits: without one we
        # cannot tell the credit line's "4 comments" from the thread's)
        if opening is not None and index > opening and _opens_thread(blocks[index], verdicts[index]) and not _article_goes_on(verdicts, index, end):
            return index
        # (not in a run that opens with such boxes, a sidebar's, above the article)
        if _about_box(blocks[index]):
            if index > start and not about_above and (
                _less_prose_after(blocks, verdicts, start, index, end) or _about_the_author(blocks, index)
            ):
                return index
            about_above = True
        # "27 comments to “Headline”" heads the thread wherever it stands.
        if index > start and THREAD_HEADER.match(blocks[index].text) and blocks[index].words <= 40 and not _article_goes_on(verdicts, index, end):
            return index
    return end


def _before_other_stories(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where a box of other stories below the article begins in the run, else `end`: its
    heading ("Related News On The Gazette:", "More from Business") with less prose below
    it than above, all of it in paragraphs no longer than a teaser (TEASER_WORDS), each
    under a line that is no paragraph (its headline). The teasers outweigh the box
    heading, but an article does not go on in teasers after saying that what follows is
    other stories. (A box of one link set in the article has its paragraphs after it.)"""
    return next((i for i in range(start + 1, end) if _box_of_teasers(blocks, verdicts, start, i, end)), end)


def _box_of_teasers(blocks: list[Block], verdicts: list[Verdict], start: int, index: int, end: int) -> bool:
    if verdicts[index].kind != "box" or not OTHER_STORIES.match(blocks[index].text):
        return False
    below = [i for i in range(index + 1, end) if verdicts[i].kind in ("good", "near")]
    if not below or any(blocks[i].words > TEASER_WORDS for i in below):
        return False
    # (each under its own headline: paragraphs one after another are the article going on)
    if any(i - 1 in below for i in below):
        return False
    return _less_prose_after(blocks, verdicts, start, index, end)


def _short_role(block: Block, after: Verdict | None) -> str:
    """The role of a short block inside the article run: a one-line sentence of the
    article, a sub-heading, or neither."""
    if keep_short(block):
        return "body"
    return "heading" if is_heading(block, after) else "dropped"


def _template_line(verdicts: list[Verdict], roles: list[str], index: int, start: int) -> bool:
    """A short line that every article of the site carries ("Ingredients:", "Why does it
    matter?"): learned as furniture from the site's other pages, yet it stands inside the
    article run below some kept prose and, alone, would have read as a short line, not as
    furniture. Its role is then a short line's, so it stays when it reads as a sub-heading
    or a sentence. (The site's furniture inside an article, an "Advertisement" label or
    a share bar, is told by its wording.)"""
    if not verdicts[index].learned or not any(roles[i] == "body" for i in range(start, index)):
        return False
    return verdicts[index].own_kind == "short"


def _before_furniture_gap(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where the article ends at a stretch of furniture inside the run, else `end`.

    Below the article a run may cross a share bar, tags or a "Related posts" box to take
    in an author's box, teasers or the first comments, which outweigh a short stretch of
    furniture. An article does not break off into furniture and resume for a short coda:
    a stretch of furniture (see `_furniture_gap`) ends it when the prose that follows it,
    up to the next such stretch, is less than GAP_SHARE of the prose above (or the stretch
    holds the article's copyright line), and all the prose below it together is less than
    the prose above. (A list the article carries,
    its items or a recipe's ingredients, holds no furniture; an article that goes on at
    length after a box set in it keeps it; so does one whose opening paragraphs are
    teasers of other stories above it.)"""
    prose = [i for i in range(start, end) if verdicts[i].kind in ("good", "near")]
    gaps = [
        (above, below)
        for above, below in zip(prose, prose[1:])
        if _furniture_gap([verdicts[i] for i in range(above + 1, below) if not _picture(blocks[i])])
    ]
    for n, (above, below) in enumerate(gaps):
        before = sum(blocks[i].words for i in prose if i <= above)
        stop = gaps[n + 1][0] if n + 1 < len(gaps) else end
        after = sum(blocks[i].words for i in prose if below <= i <= stop)
        rest = sum(blocks[i].words for i in prose if i >= below)
        if (after < GAP_SHARE * before or _signed_off(blocks, above, below)) and rest < before and not _resumes(blocks, verdicts, below, end):
            return above + 1
    return end


def _after_menu(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where the article begins below a menu the run crosses, else `start`: MENU_BLOCKS
    blocks or more between two paragraphs of the run, none of them prose and most of them a
    menu's lines (see `_menu_item`; a gallery's slides and pictures aside), with less prose
    above them than below. Teasers of
    other stories above the menu (a box of the paper's best) outweigh its short lines, but
    an article does not break off for a whole menu; a picture, a share bar or a caption
    between its opening and the rest is a few blocks."""
    prose = [i for i in range(start, end) if verdicts[i].kind in ("good", "near")]
    for above, below in zip(prose, prose[1:]):
        gap = [i for i in range(above + 1, below) if verdicts[i].kind != "slide" and not _picture(blocks[i])]
        # (a paragraph that announces a list with a colon introduces the article's own: "Here
        # are the places we will visit:")
        if blocks[above].text.endswith(":") or len(gap) < MENU_BLOCKS or sum(1 for i in gap if _menu_item(blocks[i])) < MENU_SHARE * len(gap):
            continue
        words_above = sum(blocks[i].words for i in prose if i <= above)
        if words_above < sum(blocks[i].words for i in prose if i >= below):
            return below
    return start


def _menu_item(block: Block) -> bool:
    """A menu's line: a section's or a place's name, a capitalised word or three ("Politik",
    "Bad Tölz"). (A listing of code runs in lines of lower-case names and signs.)"""
    text = block.text.lstrip("*+-•·|> \t")
    return block.words <= MENU_ITEM_WORDS and text[:1].isupper() and not block.ends_sentence


def _before_trailing_furniture(blocks: list[Block], verdicts: list[Verdict], start: int, end: int) -> int:
    """Where the run's tail of furniture begins, when a stretch of furniture (see
    `_furniture_gap`) follows its last paragraph to its end; else `end`. A run cut at a
    comment heading may reach far past the article's last paragraph, over its share bar,
    its tags and a box of links, whose short lines may read as sentences ("Is it killing
    confidence?") and must not join the article."""
    prose = [i for i in range(start, end) if verdicts[i].kind in ("good", "near")]
    if not prose:
        return end
    tail = range(prose[-1] + 1, end)
    if not _furniture_gap([verdicts[i] for i in tail if not _picture(blocks[i])]):
        return end
    return next(i for i in tail if verdicts[i].kind in ("furniture", "box"))


def _resumes(blocks: list[Block], verdicts: list[Verdict], below: int, end: int) -> bool:
    """Whether the article goes on under a stretch of furniture: RESUME_STREAK paragraphs
    from `below` on, with no furniture between them (sub-headings, a picture's alt text
    may stand between), two of them one right after the other and one longer than a
    teaser. A box of other stories set in a long article (a few teasers, each a headline
    and its opening lines) is furniture enough to end it, but what follows a box after
    the article (an author's box, teasers each under its headline, comments with their
    stamps, a list of link titles) does not run on in paragraphs."""
    streak, adjacent, long = 0, False, False
    for index in range(below, end):
        if verdicts[index].kind in ("furniture", "box"):
            return False
        if verdicts[index].kind == "good":
            streak += 1
            adjacent = adjacent or verdicts[index - 1].kind == "good"
            long = long or blocks[index].words > TEASER_WORDS
            if streak >= RESUME_STREAK:
                return adjacent and long
    return False


def _signed_off(blocks: list[Block], above: int, below: int) -> bool:
    """Whether a copyright line stands in the gap: the article's own sign-off ("© 2011
    Example News"), after which the page's boxes begin, however much prose they hold."""
    return any(COPYRIGHT.match(blocks[i].text) for i in range(above + 1, below))


def _picture(block: Block) -> bool:
    """A picture's stand-in, its file name ("[IMG_2041]"), as text browsers print it: a
    picture between two paragraphs is the article's, and a gallery of them with their
    captions is no stretch of furniture (copies that leave pictures out show prose there)."""
    return bool(FILE_NAME.match(block.text) or PICTURE_NAME.match(block.text) or EMBEDDED_FRAME.match(block.text))


def _furniture_gap(gap: list[Verdict]) -> bool:
    """Whether the blocks between two paragraphs are a stretch of furniture: GAP_BLOCKS or
    more, weighing GAP_WEIGHT or less together, with a box heading or two furniture lines."""
    if len(gap) < GAP_BLOCKS or sum(v.weight for v in gap) > -GAP_WEIGHT:
        return False
    return any(v.kind == "box" for v in gap) or sum(1 for v in gap if v.kind == "furniture") >= 2


def _about_box(block: Block) -> bool:
    """A short line that heads a box about the author or the site (see ABOUT_BOX), or a
    paragraph that opens with such a heading and a colon ("About the Author: Jane ...")."""
    heading, colon, _ = block.text.partition(":")
    if colon and len(heading.split()) <= ABOUT_WORDS and ABOUT_BOX.match(heading):
        return True
    return block.words <= ABOUT_WORDS and bool(ABOUT_BOX.match(block.text))


def _about_the_author(blocks: list[Block], index: int) -> bool:
    """Whether the box heading at `index` is about the article's author: "About Jane Roe"
    under a credit line above it that says "by Jane Roe", or a heading that names no one
    ("The author", "L'AUTEUR"). The author's box ends the article however long what
    follows runs (a blogger's account of the blog may outrun a short post)."""
    if AUTHOR_HEADING.match(blocks[index].text):
        return True
    named = ABOUT_NAME.match(blocks[index].text)
    if not named or len(named.group(1).split()) < 2:
        return False
    credit = re.compile(r"\bby\s+" + re.escape(named.group(1)) + r"\b", re.I)
    return any(block.words <= CREDIT_WORDS and credit.search(block.text) for block in blocks[:index])


def _less_prose_after(blocks: list[Block], verdicts: list[Verdict], start: int, index: int, end: int) -> bool:
    """Whether the run's prose below `index` is less than its prose above: a box after the
    article is shorter than the article, a section of it may not be."""
    def words(indices: range) -> int:
        return sum(blocks[i].words for i in indices if verdicts[i].kind in ("good", "near"))
    return words(range(index + 1, end)) < words(range(start, index))
