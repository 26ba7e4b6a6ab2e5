"""Issue 4: how the text-browser dumps (w3m, lynx) are read, in session 10."""

from __future__ import annotations

import textwrap

from newsarchive.extract.textblocks import split_blocks

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
