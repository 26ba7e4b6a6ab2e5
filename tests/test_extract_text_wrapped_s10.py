"""Issue 4: how the text-browser dumps (w3m, lynx) are read, in session 10."""

from __future__ import annotations

import textwrap

from newsarchive.extract.textblocks import split_blocks, unstack_columns
from newsarchive.extract.textpage import extract_text_page

# A gallery as w3m prints it: each picture's alt text and its caption, the same words,
# run together and centred, one picture under another.
CAPTIONS = [
    "Crowds lined the sea wall on Saturday to watch the tall ships sail into the harbour at dawn.",
    "The smallest boat of the fleet, a fishing smack from the islands, was the first to tie up.",
    "Children from the harbour school waved flags from the pier as the last ship came in at noon.",
]


def _gallery_dump(width: int = 99) -> str:
    lines: list[str] = []
    for caption in CAPTIONS:
        lines += [line.center(width).rstrip() for line in textwrap.wrap(caption + " " + caption, width)]
    return "Tall ships come home\n\n" + "\n".join(lines) + "\n"


def test_a_caption_printed_twice_over_is_read_once():
    """Issue 4: w3m prints a picture's alt text and its caption, the same words, as one
    paragraph; a reader sees the caption once, as copies that print no alt text show it."""
    texts = [block.text for block in split_blocks(_gallery_dump())]
    for caption in CAPTIONS:
        assert caption in texts


def test_a_paragraph_that_repeats_only_a_phrase_stays_whole():
    """Issue 4: only a paragraph made of two equal halves is cut: one that says a phrase
    twice in its course keeps every word."""
    text = "Row, row, row your boat, the children sang, and row, row, row your boat again."
    assert [block.text for block in split_blocks(text + "\n")] == [text]


# A blog as w3m prints it in columns: the writer's note on the left, the article on the
# right, the cells of the layout table one space apart.
BIO = (
    "My name is Ann Fisher and I write about the harbour towns of the north coast. I live by the "
    "sea wall with two cats and a boat that leaks; this blog is where I put what I find out. Write "
    "to me at the post office box on the quay, or come to the market on a Friday and say hello."
)
ARTICLE = (
    "The ferry company has asked the harbour board for a longer lease on the north quay, and the "
    "board will decide at its meeting next month. The company says that without a lease of twenty "
    "years it cannot borrow the money for a new boat, and that the old one will not pass its next "
    "inspection. Island families who depend on the winter crossings have written to the board in "
    "large numbers, and the board's chairman said that every letter would be read before the vote."
)


def _columns_dump(left_width: int = 29, right_width: int = 46, paragraphs: int = 1) -> str:
    left = textwrap.wrap(BIO, left_width)
    right = (textwrap.wrap(ARTICLE, right_width) + [""]) * paragraphs
    column = left_width + 1
    rows = []
    for n in range(max(len(left), len(right))):
        cell = left[n] if n < len(left) else ""
        text = right[n] if n < len(right) else ""
        rows.append((cell.ljust(column) + text).rstrip())
    return "\n".join(rows) + "\n"


def test_a_left_column_filled_to_its_edge_stays_apart():
    """Issue 4: where the left column's line fills its cell, w3m sets the right column's
    text one space after it ("write about the harbour towns for a longer lease"); the two
    columns are still read one after the other."""
    page = _columns_dump()
    assert any(len(line) > 30 and line[28] != " " and line[29] == " " for line in page.split("\n"))
    lines, _, _ = unstack_columns(page.split("\n"))
    assert textwrap.fill(ARTICLE, 46) in "\n".join(lines)
    assert textwrap.fill(BIO, 29) in "\n".join(lines)


def test_a_wide_paragraph_under_columns_is_not_cut_at_a_space():
    """Issue 4: a paragraph as wide as the page under the columns stays whole, though
    its lines may have a space where the right column began."""
    wide = textwrap.wrap("Update: " + ARTICLE, 99)
    assert wide[0][29] == " " and wide[1][29] != " "
    page = _columns_dump() + "\n" + "\n".join(wide) + "\n"
    lines, _, _ = unstack_columns(page.split("\n"))
    assert "\n".join(wide) in "\n".join(lines)


def test_an_article_read_column_by_column_keeps_its_paragraphs():
    """Issue 4: a dump read column by column may have no line as wide as a page; each
    column wrapped at its own margin all the same, and the article's paragraphs, wrapped
    at its column's margin and parted by blank lines, are read whole, one block each."""
    texts = [block.text for block in split_blocks(_columns_dump(paragraphs=2))]
    assert texts.count(ARTICLE) == 2


def test_an_apostrophe_misread_by_the_dump_is_read_as_one():
    """Issue 4: w3m reading a page in UTF-8 as Latin-1 prints a typeset apostrophe as "â"
    and two blanks ("hasnâ  t"); the words are the page's, with their apostrophe."""
    line = "The harbour boardâ  s chairman said the ferry hasnâ  t been paid since the spring."
    texts = [block.text for block in split_blocks(line + "\n")]
    assert texts == ["The harbour board’s chairman said the ferry hasn’t been paid since the spring."]


def test_a_letter_a_with_a_circumflex_stays():
    """Issue 4: only "â" between two letters with two blanks after it is a misread
    apostrophe: "pâté" and a word that ends in "â" before a gap stay as they are."""
    line = "Le pâté du port est bon.  Râpé  ou non, dit-il."
    assert [block.text for block in split_blocks(line + "\n")] == [" ".join(line.split())]


# A story as a dump prints it, with a list under its own sub-heading (no colon) between
# two paragraphs, each item with its bullet.
FERRY_PARAGRAPHS = [
    "The island ferry will run a second boat on Saturdays from next month, the harbour board said on "
    "Tuesday, after a summer in which hundreds of passengers were turned away at the quay.",
    "The board's chairman said the extra crossings would be paid for out of the harbour's own budget "
    "for the first year, and that the council had been asked to share the cost after that.",
    "Islanders who have campaigned for the extra boat for three years welcomed the news, but said they "
    "would keep up the pressure until the winter timetable was settled as well.",
]
FERRY_ITEMS = [
    "A first boat leaving the island at six",
    "Two more crossings in the afternoon",
    "A late boat back from the mainland at ten",
    "Free places for bicycles on every crossing",
]


def _ferry_dump(heading: str = "What the new timetable brings") -> str:
    menu = "\n".join(f"  • {item}" for item in ("Home", "News", "Sport", "Weather", "Contact"))
    items = "\n".join(f"  • {item}" for item in FERRY_ITEMS)
    first, second = (textwrap.fill(paragraph, 99) for paragraph in FERRY_PARAGRAPHS[:2])
    last = textwrap.fill(FERRY_PARAGRAPHS[2], 99)
    return (f"{menu}\n\nSecond Saturday boat for the island\n\n{first}\n\n{second}\n\n{heading}\n\n{items}\n\n"
            f"{last}\n\n{menu}\n")


def test_a_list_under_its_sub_heading_between_paragraphs_is_the_articles():
    """Issue 4: a list with bullets under a sub-heading without a colon ("What the new
    timetable brings"), right between two paragraphs, is the article's, as it is in a copy
    that drops the bullets (html-text), where the sub-heading is one more bare line."""
    body = extract_text_page(_ferry_dump()).body
    for item in FERRY_ITEMS:
        assert item in body
    assert " ".join(FERRY_PARAGRAPHS[2].split()) in body


def test_a_teaser_cut_before_its_link_ends_at_the_link():
    """Issue 4: a teaser cut short before its "Read More..." link ends at the link, though
    it reaches the dump's width: the line under it ("Filed Under: Harbour") is no more
    of it, and the teaser can be told by its link."""
    story = "\n\n".join(textwrap.fill(paragraph, 99) for paragraph in FERRY_PARAGRAPHS * 5)
    teaser = "Will the island ferry keep its winter crossings? That is the question we asked the board for…  Read More..."
    assert 95 <= len(teaser) <= 110
    page = f"{story}\n\nFEATURED POST\n\n{teaser}\nFiled Under: Harbour\n"
    texts = [block.text for block in split_blocks(page)]
    assert " ".join(teaser.split()) in texts
    assert "Filed Under: Harbour" in texts


def test_lynx_stand_ins_for_image_maps_and_embeds_are_taken_out():
    """Issue 4: lynx prints an image map as "[USEMAP:name.gif]" and an embedded object as
    "[EMBED]", as it prints a picture as "[IMG]": stand-ins, not words of the page."""
    from newsarchive.extract.textmarkup import plain_text

    page = (
        "   [1]Home [2]News [3]Sport\n\n"
        "   The ferry will run a second boat on Saturdays, the board said ...\n"
        "   [4][USEMAP:snippetControl.gif]\n\n"
        "   [EMBED]\n\n"
        "   The islanders welcomed the news.\n"
    )
    text = plain_text(page)
    assert "USEMAP" not in text and "EMBED" not in text
    assert "the board said ..." in text and "The islanders welcomed the news." in text
