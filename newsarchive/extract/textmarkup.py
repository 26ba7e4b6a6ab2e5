"""The markup some converters leave in a text copy, reduced to the text a reader sees.

Not every text copy is plain. Crawlers that save pages through html2text and the like
write Markdown (`[a link](https://...)`, `![a photo](...)`, `**bold**`, `# Headline`), and
`lynx -dump` numbers every link (`[12]Home`) and lists the addresses under "References"
at the end. pandoc draws a page laid out in a table as a grid of "+--+" and "|", each
cell wrapped to its column, and its Markdown keeps HTML tags and attributes. The addresses,
numbers and grids are no part of the article: they cut its sentences into pieces the block
rules do not know, and a page scored against its article text loses every 4-word run they
break. So they go before the page is read, and a grid is read cell by cell.

Nothing taken out takes a line break with it (lynx's list of addresses goes from the end
of the page), and where a Markdown page's wrapped paragraphs are joined into one line
each, as Markdown reads them, or a grid's cells are read one after the other, `plain_page`
says which line of the file each line of the result starts on: so `import --explain` names
the lines of the file as saved.

Every pattern here takes time in proportion to the page: hostile pages are imported too.
"""

from __future__ import annotations

import re

from newsarchive.extract.dates import find_dates
from newsarchive.extract.language import PARAGRAPH_BREAK

# Where a link goes: a scheme ("https:", "mailto:"), a path, an anchor, a query or a page
# name. A bracket and a parenthesis in prose or code ("handlers[i](event)") go nowhere.
_ADDRESS = r"(?:[a-zA-Z][\w+.-]*:|[/#?]|\.\.?/|www\.|[\w.-]+/|[\w-]+(?:\.[\w-]+)*\.(?:html?|php|aspx?|jsp)\b)"
# A link's target: an address without spaces, in which one level of parentheses may nest
# (Wikipedia's "Foo_(bar)"), and an optional "title" after it (pandoc leaves the quotes
# in a title as they are, and writes a link to nowhere as its title alone). html2text
# wraps its lines after hyphens even inside an address ("/wp-" and "content/"), so a break
# may follow one.
# An e-mail link's or a script's address may hold spaces, as pages write them ("mailto:
# ?subject=Check this out: Headline", "javascript: share(location.href)").
_TITLE = r"\"(?:[^\"\\\n]|\\.|\"(?![ \t]*\))){0,500}\""
_TARGET = (r"\((?:<?" + _ADDRESS + r"(?:[^()\s]|\([^()\s]*\)|(?<=-)\s+)*(?:\s+" + _TITLE + r")?"
           r"|[ \t]*" + _TITLE + r"|(?:mailto|javascript):(?:[^()\n]|\([^()\n]*\)){0,1000})\)")
# A link's or a picture's text: it may wrap over lines, but not run over a blank one.
_LABEL = r"(?:[^\[\]\n]|\n(?![ \t]*\n)){0,300}"
# `![alt](src)`: a picture. A text copy cannot carry it, and its alt text is not the
# article's (the other converters leave it out too).
MARKDOWN_IMAGE = re.compile(r"!\[" + _LABEL + r"\]" + _TARGET)
# `[text](target)`.
MARKDOWN_LINK = re.compile(r"\[(" + _LABEL + r")\]" + _TARGET)
# What html2text and pandoc write that the patterns above leave: a teaser whose picture,
# kicker, headline and summary are all one link, its text running over blank lines
# ("[![a](p)\n\nWeather\n\n### Storm ahead\n\nRain today.](/storm)"); brackets in a link's
# text ("[Gallery [Photos]](/g)", pandoc's "\\[Photos\\]"); an address with spaces in it
# ("(/author/Ann Lee/ "Posts")", "( http://...)", pandoc's "(%20http://...)"), or none
# ("[]()"). On a Markdown page a "](" still standing ends a link, so these take what the
# patterns above would not: any text with up to two bracketed words in it and no other
# bracket (a try stops at the next one), and any target that starts like an address. A
# picture's text may be a long caption, but still ends at a blank line: it is taken out,
# and a stray "![" must not take paragraphs with it (nor is its text a link's).
_BRACKETED_WORDS = r"(?:[^\[\]\n]{0,300}\[[^\[\]\n]{0,300}\]){0,2}"
_LOOSE_TARGET = r"\((?:[ \t]*(?:%20)?['\"<]?" + _ADDRESS + r"(?:[^()\n]|\([^()\n]{0,300}\)){0,2000})?\)"
LOOSE_IMAGE = re.compile(r"!\[" + _BRACKETED_WORDS + r"(?:[^\[\]\n]|\n(?![ \t]*\n)){0,3000}\]" + _LOOSE_TARGET)
LOOSE_LINK = re.compile(r"(?<!!)\[(" + _BRACKETED_WORDS + r"[^\[\]]{0,3000})\]" + _LOOSE_TARGET)
# `[text][3]`, a reference link; its text has a letter in it, so that citations run
# together ("grew fast.[2][3]") are not taken for one.
REFERENCE_LINK = re.compile(r"\[(?=[^\[\]\n]*[^\W\d_])([^\[\]\n]{1,300})\]\[\d+\]")
# `![alt][3]`, a reference picture, and `[][4]`, a reference link left empty once the
# picture it held is gone.
REFERENCE_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\[\d+\]")
EMPTY_REFERENCE = re.compile(r"\[[ \t]*\]\[\d+\]")
# A page that quotes a link or two is not a Markdown page: the rules below that change
# more than links (joining lines, headings, emphasis) wait for this many.
MARKDOWN_FROM = 3
# Or for headings of this many levels ("# Site" and "## Headline"): a converter told to
# leave links out (html2text's --ignore-links) writes none, and a plain page whose lines
# start with "# " has them all alike.
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+\S", re.M)
# (an underlined heading counts too: "=====" under a line is level 1, "-----" level 2)
SETEXT_HEADING = re.compile(r"^[ \t]{0,3}\S[^\n]*\n {0,3}(=|-)(?:\1){2,}[ \t]*$", re.M)
MARKDOWN_LEVELS_FROM = 2

# What only means something once the page is known to be Markdown:
LINK_DEFINITION = re.compile(r"^ {0,3}\[\d+\]:[ \t]+\S.*$", re.M)  # `[3]: https://...`
# `## Sub-heading`, or `#` alone, an empty one; indented as deep as the list items it is in
# (pandoc indents a nested item's content four spaces a level: a comment thread's "#### Re:")
HEADING_MARK = re.compile(r"^([ \t]*)#{1,6}(?:[ \t]+|$)", re.M)
RULE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)  # `* * *`
# `=====` under a heading's line (`-----` is a rule's too): the heading style many
# converters write by default ("Setext").
SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$", re.M)
# The HTML some converters keep as it is in Markdown (pandoc, for every <div> and <span>
# with a class, and for a link with a title): `<div id="post-81"\nclass="post">`, `</a>`,
# `<!-- -->`. The tags go and the text between them stays, but not from a code span
# ("You may use these tags: `<a href=""> <b>`"), which the first group takes as it is.
# (Known element names, with attributes that have values ("3 <b and c> 2" is prose), and
# no "<" inside a tag, so that each try stops at the next "<".)
HTML_TAG = re.compile(
    r"(`[^`\n]{1,1000}`)|<!--[^<>]{0,1000}-->"
    r"|</?(a|abbr|article|aside|b|blockquote|br|button|caption|center|cite|code|col|colgroup"
    r"|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input"
    r"|ins|label|li|main|nav|noscript|object|ol|p|param|picture|pre|s|section|small|source|span|strike|strong"
    r"|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|tr|u|ul|video)"
    r"""(?:\s+[\w:-]{1,60}\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))*\s*/?>""",
    re.I,
)
# The elements that run within a line; any other tag parts the words on either side.
INLINE_ELEMENTS = frozenset(
    "a abbr b cite code del em font i ins label s small span strike strong sub sup time u".split())
# `**strong**`, `*emphasis*`, `_emphasis_`: a pair of marks around words, with no mark of
# the kind between. Converters nest them as the page's tags nest ("****[**Fed**](/f)****"
# for a bold link in a bold paragraph, `***a* b**`), so the innermost pair goes first,
# then the next one out. (A mark with a space after it is a list's, and one glued to a
# word a footnote's or a formula's: "5*3", "snake_case".)
STAR_EMPHASIS = re.compile(r"(?<![\w\\])(\*{1,2})(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*\\])\1(?!\w)")
LINE_EMPHASIS = re.compile(r"(?<![\w\\])(_{1,2})(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_\\])\1(?!\w)")
EMPHASIS_DEPTH = 4
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # any ASCII punctuation may be escaped: `\#1`, `3\. `, `\'`
# pandoc's own Markdown: a `::: {#id .class}` line opens or closes each <div>, and
# `{#id .class key="value"}` after a link, a picture, a `[span]` or a heading gives its
# HTML attributes. (A span's go with its brackets, once any link inside it is gone.) A
# div inside a list item is indented with the item's text, four spaces a level.
FENCED_DIV = re.compile(r"^[ \t]*:{3,}.*$", re.M)
# A div that opens a list item shares the item's line ("-   ::: item-title"), and the
# item's text, on the line under it, would join the div's mark: the mark goes, and a
# bullet that no underline or rule can be taken for stays ("* ", with its space). (Under
# a mark with another div's mark or nothing under it, the item's text stands on its own.)
LIST_ITEM_DIV = re.compile(r"^([ \t]*)(?:[*+-]|\d{1,3}[.)])[ \t]+:{3,}.*$(?=\n[ \t]*(?!:::)\S)", re.M)
# A heading inside a list item ("* ### Archives", "4. # Headline"): a sidebar's widgets are
# list items headed by their titles, and a breadcrumb ends in the page's headline. The
# heading's marks go, as the other converters leave them out; the item's mark stays, for a
# breadcrumb's copy of the headline is not the headline the article is under.
LIST_ITEM_HEADING = re.compile(r"^([ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+)#{1,6}[ \t]+(?=\S)", re.M)
# The attributes that give a date as the page's data, not its text: `{itemprop="datePublished"
# content="2012-11-06T17:00:00"}` on a heading or a span that reads "Published 7 hours ago",
# or on an empty one. The attributes go, but the date they name is the article's own, and
# stays where they stood (before them, and before the span's closing bracket): the line
# reads "Published 7 hours ago 2012-11-06", which the date finder can read.
PUBLISHED_ATTRIBUTE = re.compile(
    r"""(\]?)(\{(?=[^{}]{0,500}?\bitemprop=["']?datePublished\b)(?=[^{}]{0,500}?\bcontent=["']?(\d{4}-\d\d-\d\d))[^{}]{0,500}\})""")
# (a quoted value escapes its own quotes: `description="\"Quoted,\" he said"`)
_ATTRIBUTES = r"""\{(?:[ \t]*(?:[#.][\w:.-]+|[\w:-]+=(?:"(?:[^"\\\n]|\\.)*"|[^\s"{}]+)))+[ \t]*\}"""
SPAN = re.compile(r"\[([^\[\]\n]{0,300})\]" + _ATTRIBUTES)
# (A heading's attributes from the first of the spaces before them only: a try from each
# space of a long run would take time in its square.)
ATTRIBUTES = re.compile(r"(?<=\))" + _ATTRIBUTES + r"|(?<![ \t])[ \t]+" + _ATTRIBUTES + r"[ \t]*$", re.M)
# A line that starts something of its own, rather than going on with the line above: a
# list item, a heading or a heading's underline, a quotation, a table row, a definition
# (":   "), a fenced div's mark, or a blank line.
OWN_LINE = re.compile(r"^\s*(?:[*+-]\s|\d{1,3}[.)]\s|#|>|\||:\s|:::|(?:=+|-+)[ \t]*$|$)")
# (and a list item set after the pictures before it, as html2text writes a comment's or a
# forum topic's avatar: "![](avatar.png)* [Topic](/t) by ann")
PICTURED_LIST_ITEM = re.compile(r"^[ \t]*(?:!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}\)[ \t]*)+(?:[*+-]|\d{1,3}[.)])[ \t]")
# A heading, its underline, a table row or a fenced div's mark: never more than its line.
ONE_LINE = re.compile(r"^\s*(?:[#|]|:::|(?:=+|-+)[ \t]*$)")
LINK_TAG = re.compile(r"<a\b")  # an HTML link's start, which a heading may wrap inside
# pandoc ends a line with "\" where a <br> broke it. It goes before the lines are joined:
# a line break inside a paragraph is a space, and a "\" alone on a line (a page that parts
# its paragraphs with "<br><br>") leaves the blank line that parts two paragraphs.
HARD_BREAK_MARK = re.compile(r"(?<!\\)\\$", re.M)
# A heading line this long, with text right under it, was wrapped (html2text wraps every
# line at 78 characters, a heading's too).
WRAPPED_HEADING = 60
QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?")  # "> " before each line of a quotation
QUOTED = re.compile(r"^[ \t]{0,3}>[ \t]*\S")  # a quotation's line with text in it

# `links -dump` and `elinks -dump` start with the page's <link> elements, one a line:
# "Link: prev: An older post", "Link: [3]Site - RSS (alternate)". They name other pages.
LINK_ELEMENTS = re.compile(r"\A(?:[ \t]*\n)*(?:[ \t]*Link: [^\n]*\n)+")

# pandoc's raw HTML block holding only a comment: its "<!-- -->" between two lists, or a
# list and a paragraph, keeps Markdown from reading them as one. A reader sees nothing
# there, and the block's lines parted the paragraphs around it. In a grid's cell its three
# lines are read into one; in a quotation each has its "> ".
EMPTY_RAW_HTML = re.compile(r"```\{=html\}[ \t]*\n?(?:(?:[ \t]*>)*[ \t]*<!--[^\n]{0,200}?-->[ \t]*\n?)*(?:[ \t]*>)*[ \t]*```")

# pandoc's grid tables, in which many older sites lay out their whole page: a border of
# "+" and "-" (or "=" under a header row) and rows whose cells are parted by "|" where the
# border has its "+". Each cell's text is wrapped to its column's width.
GRID_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
GRID_CORNER = re.compile(r"\+")
GRID_DEPTH = 6
GRID_PADDING = " "  # between a cell's "|" and its text, on either side
QUOTED_CELL_LINE = re.compile(r"^ ?>(?: |$)")  # a quotation's line in a cell, and its mark
# A line in a cell that starts a list item rather than going on with the line above.
LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s")

# lynx: `[12]Home`, `[13][IMG]`, a number set before the link it stands for; not glued to a
# word, as an index is in code or a footnote mark in prose ("a[1]", "fast[2]"), nor one of
# a run of numbers ("fast.[2][3]"), unless the link is an arrow or a guillemet glued to
# it, which no index or footnote is followed by ("Comments[23]»"); `[IMG]`, `[logo.png]`,
# and the stand-ins for an image map and an embedded object: `[USEMAP:nav.gif]`, `[EMBED]`.
LYNX_MARKER = re.compile(r"(?:(?<![\w\])])\[\d{1,4}\](?=[^\s\[]|\[[^\]\d])|\[\d{1,4}\](?=[«»‹›→←▶►▸]))")
LYNX_IMAGE = re.compile(r"\[(?:IMG|INLINE|BUTTON|EMBED|(?:USEMAP:)?[\w.-]{1,60}\.(?:png|jpe?g|gif|svg|webp|ico))\]", re.I)
# Its lists of the addresses ("1. https://..."), which run to the end of the page; elinks
# heads its list "References" and then "Visible links", and may start it past 1 (the
# page's <link> elements it numbered first are not listed).
LYNX_LISTS = re.compile(
    r"^[ \t]*(?:References|Visible links:?|Hidden links:)[ \t]*\n(?:[ \t]*\n)*"
    r"(?:[ \t]*Visible links:?[ \t]*\n(?:[ \t]*\n)*)?[ \t]*\d{1,4}\. [a-zA-Z][\w+.-]*:", re.M)
LYNX_FROM = 3
# lynx's line for each frame and inline frame ("IFRAME: [16]https://..." or a frame's name),
# the page's ads, videos and share buttons: the address names another page, and between
# the headline and the article it reads as one more line of the header. A long address
# goes on, wrapped, over lines of its own.
LYNX_FRAME = re.compile(r"^[ \t]*I?FRAME:[ \t]*\n?[ \t]*\[\d{1,4}\]\S*(?:(?<=\S{40})\n[ \t]*\S+(?=[ \t]*$))*", re.M)
# lynx's struck and inserted text ("[DEL: It :DEL] Her"): the words stay, as a reader reads them.
LYNX_EDIT = re.compile(r"\[(DEL|INS): (.{0,300}?) :\1\]")


def plain_text(text: str) -> str:
    """The page as a reader sees it: Markdown and lynx link markup taken out."""
    return plain_page(text)[0]


def plain_page(text: str) -> tuple[str, list[int]]:
    """`plain_text`, and for each of its lines the number (from 0) of the page's line it starts on."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # lines as the block splitter counts them
    starts = list(range(text.count("\n") + 1))
    text = LINK_ELEMENTS.sub(lambda m: _breaks(m.group()), text)
    if "+-" in text:
        lines = _grid_tables_read_across(list(zip(text.split("\n"), starts)))
        text, starts = "\n".join(line for line, _ in lines), [start for _, start in lines]
    text = EMPTY_RAW_HTML.sub(lambda m: _breaks(m.group()), text)
    if "](" in text or "][" in text or "# " in text or "\n===" in text:
        text, starts = _without_markdown(text, starts)
    if len(LYNX_MARKER.findall(text)) >= LYNX_FROM:
        text = _without_lynx_markup(text)
    return text, starts


def _without_markdown(text: str, starts: list[int]) -> tuple[str, list[int]]:
    pictures = len(MARKDOWN_IMAGE.findall(text))
    links = len(MARKDOWN_LINK.findall(MARKDOWN_IMAGE.sub("", text))) + len(REFERENCE_LINK.findall(text))
    markdown = pictures + links >= MARKDOWN_FROM or _heading_levels(text) >= MARKDOWN_LEVELS_FROM
    if markdown:
        # Before the links go: a wrapped line full of addresses would look short without them.
        text = LIST_ITEM_HEADING.sub(r"\1", LIST_ITEM_DIV.sub(r"\1* ", HARD_BREAK_MARK.sub("", text)))
        text, joined = _joined_paragraph_lines(text)
        starts = [starts[line] for line in joined]
        text, starts = _heading_links_apart(text, starts)
        text = PUBLISHED_ATTRIBUTE.sub(_published_date_shown, text)
        text = HTML_TAG.sub(_tag_space, text)
        text = FENCED_DIV.sub("", text)
        text = SPAN.sub(r"\1", text)
        text = ATTRIBUTES.sub("", text)
    text = MARKDOWN_IMAGE.sub(lambda m: _breaks(m.group()), text)
    # Twice: a picture that is a link (`[![alt](src)](target)`) is an empty link once the
    # picture is gone.
    for _ in range(2):
        text = MARKDOWN_LINK.sub(_link_text, text)
    if not markdown:
        return text, starts
    text = LOOSE_IMAGE.sub(lambda m: _breaks(m.group()), text)
    for _ in range(2):
        text = LOOSE_LINK.sub(_card_or_link_text, text)
    text = SPAN.sub(r"\1", text)  # a span around a link: `[ [Headline](/h)]{#title}`
    text = REFERENCE_IMAGE.sub("", text)
    text = EMPTY_REFERENCE.sub("", text)
    text = REFERENCE_LINK.sub(_link_text, text)
    text = LINK_DEFINITION.sub("", text)
    text = HEADING_MARK.sub(r"\1", text)
    text = RULE.sub("", text)
    text = SETEXT_UNDERLINE.sub("", text)
    return ESCAPE.sub(r"\1", _without_emphasis(text)), starts


def _without_emphasis(text: str) -> str:
    """The page without its emphasis marks, nested ones too (up to a few deep)."""
    for _ in range(EMPHASIS_DEPTH):
        plain = LINE_EMPHASIS.sub(r"\2", STAR_EMPHASIS.sub(r"\2", text))
        if plain == text:
            break
        text = plain
    return text


def _heading_levels(text: str) -> int:
    levels = {len(heading.group(1)) for heading in ATX_HEADING.finditer(text)}
    levels |= {1 if heading.group(1) == "=" else 2 for heading in SETEXT_HEADING.finditer(text)}
    return len(levels)


def _heading_links_apart(text: str, starts: list[int]) -> tuple[str, list[int]]:
    """A heading made of links side by side, each link a heading line of its own.

    A blog's post heading often holds the post's category as a link before the headline's
    link (`## [News](/category/news) [Keeper retires](/keeper-retires)`); the page shows
    the two apart, as other converters print them, and joined they read as one headline
    ("News Keeper retires").
    """
    lines: list[str] = []
    line_starts: list[int] = []
    for line, start in zip(text.split("\n"), starts):
        mark = HEADING_MARK.match(line)
        pieces = [mark.group() + link for link in _side_by_side_links(line)] if mark else []
        lines += pieces or [line]
        line_starts += [start] * len(pieces or [line])
    return "\n".join(lines), line_starts


def _side_by_side_links(heading: str) -> list[str]:
    """The links a heading line is made of, when it holds two or more and nothing else."""
    rest = HEADING_MARK.sub("", heading, count=1).rstrip(" \t#")
    links = list(MARKDOWN_LINK.finditer(rest))
    if len(links) < 2 or links[0].start() or links[-1].end() != len(rest):
        return []
    if any(rest[a.end():b.start()].strip() for a, b in zip(links, links[1:])):
        return []
    return [link.group() for link in links]


def _published_date_shown(match: re.Match[str]) -> str:
    """The date that attributes give, set before them: inside a span's brackets, or before
    a heading's attributes with the space that parts them from its text."""
    bracket, attributes, day = match.groups()
    return f" {day}{bracket}{attributes}" if bracket else f" {day} {attributes}"


def _tag_space(match: re.Match[str]) -> str:
    """What an HTML tag leaves in a line: nothing, a space, or the line breaks inside it."""
    if match.group(1):
        return match.group(1)
    if "\n" in match.group():
        return _breaks(match.group())
    return "" if (match.group(2) or "").lower() in INLINE_ELEMENTS else " "


def _link_text(match: re.Match[str]) -> str:
    """A link's own text, and the line breaks of the rest of it."""
    text = match.group(1)
    return text + "\n" * (match.group().count("\n") - text.count("\n"))


def _card_or_link_text(match: re.Match[str]) -> str:
    """A link's text, unless it runs over paragraphs: then it is a card that leads to
    another page (another story's picture, kicker, headline and summary, a shop's offer),
    and only its line breaks stay. A card with a date in it stays whole: it may be the
    article's own by-line box (the author's photo, name and the date, linked to the
    author's page)."""
    label = match.group(1)
    if PARAGRAPH_BREAK.search(label) and not find_dates(label):
        return _breaks(match.group())
    return _link_text(match)


def _breaks(removed: str) -> str:
    """The line breaks in what is taken out, kept so that no line moves."""
    return "\n" * removed.count("\n")


def _joined_paragraph_lines(text: str) -> tuple[str, list[int]]:
    """Markdown's wrapped paragraphs on one line each: a line break inside one is a space.

    A line ending in two spaces is a hard break (`<br>`), a line that starts a list item,
    a heading, a quotation or a table row starts its own line, and a heading or a table
    row is only ever its own line. A quotation's own wrapped lines are joined too, and its
    "> " marks go. A heading goes on over the lines its link wraps onto (html2text wraps
    "## [A long\nheadline](/a)"), and a long one onto the line right under it (converters
    leave a blank line under a heading of their own). Also returns the line of the page
    each joined line starts on.
    """
    lines: list[list[str]] = []  # each line as its parts, joined once at the end
    starts: list[int] = []
    open_ended = False  # whether the line being built may take the next one
    unclosed = 0  # the links a heading being built has opened and not closed
    wrapped = False  # whether the heading just started is long enough to have been wrapped
    for number, line in enumerate(text.split("\n")):
        if unclosed > 0 and line.strip():
            lines[-1].append(line)
            unclosed += _links_opened(line)
            continue
        if wrapped and line.strip() and not OWN_LINE.match(line):
            lines[-1].append(line)
            unclosed, wrapped = _links_opened(line), False
            continue
        if open_ended and not lines[-1][-1].endswith("  "):
            if not (OWN_LINE.match(line) or PICTURED_LIST_ITEM.match(line)):
                lines[-1].append(line)
                continue
            if QUOTED.match(lines[-1][0]) and QUOTED.match(line):
                lines[-1].append(QUOTE_MARK.sub("", line))
                continue
        lines.append([line])
        starts.append(number)
        open_ended = bool(line.strip()) and not ONE_LINE.match(line)
        heading = HEADING_MARK.match(line)
        unclosed = _links_opened(line) if heading else 0
        wrapped = bool(heading) and unclosed <= 0 and len(line.rstrip()) >= WRAPPED_HEADING
    joined = (" ".join([parts[0].rstrip(), *(part.strip() for part in parts[1:])]).rstrip() for parts in lines)
    return "\n".join(QUOTE_MARK.sub("", line) for line in joined), starts


def _links_opened(part: str) -> int:
    """How many links' texts and targets (or HTML links) a piece of a line opens, less
    those it closes."""
    tags = len(LINK_TAG.findall(part)) - part.count("</a>")
    return part.count("[") + part.count("(") - part.count("]") - part.count(")") + tags


def _grid_tables_read_across(lines: list[tuple[str, int]], depth: int = 0) -> list[tuple[str, int]]:
    """The page with each grid table read as a reader reads it: row by row, and in each
    row cell by cell, a cell's wrapped lines joined into its paragraphs. Lines come with
    the number of the page's line they start on; a table in a cell is read the same way,
    down to a few tables deep (a hostile page may nest them a thousand deep).
    """
    if depth > GRID_DEPTH:
        return lines
    read: list[tuple[str, int]] = []
    at = 0
    while at < len(lines):
        line = lines[at][0]
        if not GRID_BORDER.match(line):
            read.append(lines[at])
            at += 1
            continue
        columns = [corner.start() for corner in GRID_CORNER.finditer(line.rstrip())]
        at, rows = _grid_rows(lines, at + 1, columns)
        for row in rows:
            # (a cell that spans columns has no "|" where they part)
            parts = [column for column in columns if all(text[column] == "|" for text, _ in row)]
            for left, right in zip(parts, parts[1:]):
                cell = _grid_tables_read_across([(text[left + 1:right], start) for text, start in row], depth + 1)
                read += _cell_paragraphs(cell, right - left - 1 - 2 * len(GRID_PADDING))
    return read


def _grid_rows(lines: list[tuple[str, int]], at: int, columns: list[int]) -> tuple[int, list[list[tuple[str, int]]]]:
    """The rows of a grid table whose top border is just above `at`, and where it ends:
    its lines are borders and rows as wide as the top border."""
    first, last = columns[0], columns[-1]
    rows: list[list[tuple[str, int]]] = [[]]
    while at < len(lines):
        line = lines[at][0]
        if GRID_BORDER.match(line) and line.find("+") == first and line.rfind("+") == last:
            rows.append([])
        elif len(line) > last and line[first] == line[last] == "|":
            rows[-1].append(lines[at])
        else:
            break
        at += 1
    return at, [row for row in rows if row]


def _cell_paragraphs(cell: list[tuple[str, int]], width: int) -> list[tuple[str, int]]:
    """A cell's text as paragraphs, each on one line and a blank line after each.

    pandoc wraps a cell's text at its spaces, but a word (or a link's address) longer than
    the cell's `width` it cuts into pieces as wide as the cell, a piece a line: a line that
    fills the cell to its edge and has no space in it goes on with the word the line above
    ends with ("National Cy" / "bersecurity"). A heading, a div's attributes or a link's
    target and title, which Markdown cannot wrap, it cuts whole, spaces and all ("## Novem"
    / "ber 8, 2012"); and a heading or a fenced div's ":::" is a paragraph of its own.
    """
    paragraphs: list[tuple[list[str], int]] = []
    open_ended = False  # whether the paragraph being built may take the next line
    cut = False  # whether the line being built is one pandoc cut, whose lines are all pieces of it
    for text, start, quoted in _quotation_marks_out(cell):
        line = text.strip()
        if cut and line and not ONE_LINE.match(line):
            paragraphs[-1][0][-1] += text[len(GRID_PADDING):len(GRID_PADDING) + width]
        elif open_ended and not quoted and _piece_of_a_word(text, width):
            paragraphs[-1][0][-1] += line
        elif open_ended and line and not LIST_ITEM.match(line) and not ONE_LINE.match(line):
            paragraphs[-1][0].append(line)
        elif line:
            paragraphs.append(([line], start))
        cut = bool(line) and _cut_not_wrapped(paragraphs[-1][0][-1])
        open_ended = bool(line) and not ONE_LINE.match(paragraphs[-1][0][-1])
    return [line for words, start in paragraphs for line in ((" ".join(words).rstrip(), start), ("", start))]


def _quotation_marks_out(cell: list[tuple[str, int]]) -> list[tuple[str, int, bool]]:
    """A cell's lines without a quotation's "> " marks, each with whether it had one.

    pandoc cuts a quoted line too long for the cell, mark and all: the mark is left alone
    on its line (">" / "cyber-rocks"), and is the mark of the line under it, not a break
    between the quotation's paragraphs.
    """
    lines: list[tuple[str, int, bool]] = []
    marked = False  # whether the line above was a mark cut off from this one
    for (text, start), (following, _) in zip(cell, [*cell[1:], ("", 0)]):
        if text.strip() == ">" and following.strip() and not QUOTED_CELL_LINE.match(following):
            marked = True
            continue
        quoted = marked or bool(QUOTED_CELL_LINE.match(text))
        lines.append((QUOTED_CELL_LINE.sub("", text) if quoted else text, start, quoted))
        marked = False
    return lines


def _cut_not_wrapped(line: str) -> bool:
    """Whether a line of a cell ends in something Markdown cannot wrap, so pandoc cut it at
    the cell's edge: a heading, a fenced div's attributes or a link's target and title not
    yet closed."""
    if HEADING_MARK.match(line) or (line.startswith(":::") and line.count("{") > line.count("}")):
        return True
    target = line.rfind("](") + 1
    return target > 0 and line.count("(", target) > line.count(")", target)


def _piece_of_a_word(cell_line: str, width: int) -> bool:
    """Whether a line of a cell is one of the pieces pandoc cut a too long word into.

    A whole word just as wide as the cell looks the same; on the corpus's grids such a line
    went on with the word above ten times as often as it stood apart.
    """
    text = cell_line[len(GRID_PADDING):].rstrip()
    return len(text) == width and " " not in text


def _without_lynx_markup(text: str) -> str:
    lists = LYNX_LISTS.search(text)
    if lists:
        text = text[: lists.start()]
    text = LYNX_FRAME.sub(lambda m: _breaks(m.group()), text)
    text = LYNX_MARKER.sub("", text)
    text = LYNX_EDIT.sub(r"\2", text)
    return LYNX_IMAGE.sub("", text)
