"""Issue 4: how the text-browser dumps (w3m, lynx) are read, in session 9: their wrapped
paragraphs and the listings they print line by line."""

from __future__ import annotations

import textwrap

from newsarchive.extract.textblocks import split_blocks, wrap_width
from newsarchive.extract.textpage import extract_text_page

# A sidebar of long link titles in title case, each wrapped by the dump before a capital,
# and a German story whose nouns put capitals at the start of most wrapped lines.
TITLES = [
    "Harbour Board Meets Ferry Crews To Talk About The Winter Timetable And The New Quay Office Rules "
    "For The Night Boats",
    "Island School Opens Its Doors To Mainland Pupils After The Bridge Repairs Run Late Into The Spring "
    "Term Again This Year",
    "Lighthouse Keepers Hand Over The Keys Of The North Tower To The Town Museum After Forty Years Of "
    "Service On The Coast",
    "Fishing Fleet Agrees To Tie Up On The South Side Of The Quay While The Ferry Berth Is Rebuilt By "
    "The County Engineers",
]
STORY = (
    "Der Hafenrat hat am Dienstag Abend beschlossen, die Winterfahrten zu den Inseln weitere drei Jahre "
    "zu bezahlen. Die Sitzung dauerte bis kurz vor Mitternacht, und Hunderte Einwohner verfolgten die "
    "Debatte im Rathaus. Pendler von den Inseln hatten gewarnt, dass sie ohne das Boot Zimmer in der "
    "Stadt mieten müssten. Die Reederei dankte dem Rat für die Hilfe, sagte aber, das Geld reiche nur "
    "für die Wintermonate. Der Hafenmeister versprach, den Liegeplatz am Abend für die Fähre frei zu "
    "halten, und die Fischer wollen an der Nordseite der Mole festmachen."
)


def _dump(width: int = 99) -> str:
    sidebar = "\n\n".join(textwrap.fill(title, width) for title in TITLES * 6)
    return sidebar + "\n\n" + textwrap.fill(STORY, width) + "\n"


def test_a_dump_wrapped_before_capitals_shows_its_width():
    """Issue 4: where most wrapped lines go on with a capital (German nouns, link titles
    in title case), the lines that break off mid-sentence show the width: the next line's
    first word would not have fitted on them. The story is one block, as the page has it."""
    page = _dump()
    lines = page.split("\n")
    wrapped = [i for i, line in enumerate(lines[:-1]) if line and lines[i + 1]]
    assert sum(lines[i + 1][:1].islower() for i in wrapped) < 0.15 * len(wrapped)
    assert wrap_width(lines) is not None
    assert " ".join(STORY.split()) in [block.text for block in split_blocks(page)]


def test_unwrapped_link_titles_do_not_show_a_width():
    """Issue 4: a copy that writes each link title on its own line, unwrapped, ends its lines
    where its titles end: they show no width."""
    titles = [textwrap.shorten(title, 60 + 5 * n, placeholder="") for n in range(8) for title in TITLES]
    page = "\n".join(titles) + "\n"
    assert wrap_width(page.split("\n")) is None


# A tech story as a text browser prints it: its listing line by line, with a blank line
# inside it, between paragraphs wrapped at the dump's width.
LISTING = """\
// tides.js
function nextTide(table, now) {
  var rows = table.filter(function(row) {
    return row.time > now;
  });

  if (!rows.length)
    throw new Error("no tide left today");
  return rows[0];
}

module.exports = nextTide;

describe("nextTide", function() {
  it("finds the evening tide", function() {
    var tide = nextTide(table, noon);
    expect(tide.time).to.equal("18:40");
  });
});"""
TIDE_PARAGRAPHS = [
    "The harbour office has put its tide tables online, and the town's sailing club wrote a small "
    "program that tells its members when the next high water comes, so that nobody has to read the "
    "printed sheet on the notice board by the slipway any more.",
    "The club's secretary said the script had been written in an evening and that anyone could use it, "
    "as long as they checked the weather forecast as well before taking a boat out of the harbour:",
    "She added that the harbour office had promised to keep the tables up to date every week, and that "
    "the club would print them for the members who do not use a phone on the water at all.",
    "The office said it was glad to help, and that the lifeboat crew had asked for the same program so "
    "that they could plan their training nights around the tides in the coming winter months.",
]


def _listing_page() -> str:
    wrapped = [textwrap.fill(paragraph, 99) for paragraph in TIDE_PARAGRAPHS]
    body = "\n\n".join(wrapped[:2]) + "\n\n" + LISTING + "\n\n" + "\n\n".join(wrapped[2:])
    menu = "\n".join(f"  • {item}" for item in ("Home", "News", "Sport", "Weather", "Contact"))
    return menu + "\n\nClub writes a tide program for its members\n\n" + body + "\n\n" + menu + "\n"


def test_a_listing_printed_line_by_line_is_one_block():
    """Issue 4: a dump prints a program listing line by line, blank lines and all; read
    as one block, as html-text writes it, not as a run of short lines and captions."""
    texts = [block.text for block in split_blocks(_listing_page())]
    assert " ".join(LISTING.split()) in texts
    assert " ".join(TIDE_PARAGRAPHS[2].split()) in texts


def test_the_article_goes_on_past_a_listing():
    """Issue 4: the paragraphs under a listing a dump prints line by line stay in the body
    (its lines, each a short line or a lower-case "caption", ended the run)."""
    body = extract_text_page(_listing_page()).body
    for paragraph in TIDE_PARAGRAPHS:
        assert " ".join(paragraph.split()) in body


def test_prose_lines_that_end_in_semicolons_are_no_listing():
    """Issue 4: a poem or a list whose lines end in ";" has no brace or tag: its lines
    stay apart."""
    lines = ["The boats come in at dawn;", "the gulls go out to sea;", "the harbour wakes;", "and so do we."]
    texts = [block.text for block in split_blocks("\n".join(lines) + "\n")]
    assert texts == lines


# A gallery story as w3m prints it: each picture without alt text as its file name, cut
# short, in brackets, under its caption.
GALLERY_CAPTIONS = [
    "The north pier at dawn", "Nets drying on the quay", "The old lifeboat house", "Gulls over the harbour",
    "The ferry leaving at noon", "Lamps along the sea wall", "The fish market on Friday", "Boats in the winter dock",
]


def _gallery_page() -> str:
    intro = textwrap.fill(
        "The harbour photography club has chosen the best pictures its members took this year, and the town "
        "hall will show them all through the winter in the long corridor by the council chamber. These are "
        "the members' own favourites from the club's summer walks along the coast.", 99)
    outro = textwrap.fill(
        "Have you taken a picture of the harbour that you are proud of? The club meets every Tuesday "
        "evening in the back room of the library, and new members are always welcome to come along.", 99)
    gallery = "\n\n".join(f"{caption}\n\n[harbour-{n:02d}]" for n, caption in enumerate(GALLERY_CAPTIONS))
    menu = "\n".join(f"  • {item}" for item in ("Home", "News", "Sport", "Weather", "Contact"))
    return f"{menu}\n\nClub picks its pictures of the year\n\nPosted May 4th, 2024 by Ann Fisher\n\n{intro}\n\n{gallery}\n\n{outro}\n\n{menu}\n"


def test_a_gallery_with_its_pictures_as_file_names_keeps_its_captions():
    """Issue 4: w3m prints a picture without alt text as its file name in brackets
    ("[harbour-03]"); copies that leave pictures out show nothing there. Between a
    gallery's captions the pictures weigh nothing, and the captions stay the article's."""
    body = extract_text_page(_gallery_page()).body
    for caption in GALLERY_CAPTIONS:
        assert caption in body
    assert "[harbour-03]" not in body


def test_a_button_in_brackets_is_no_picture():
    """Issue 4: a form's button in brackets is a word, no file name: it stays furniture."""
    from newsarchive.extract.textbody import PICTURE_NAME

    assert PICTURE_NAME.match("[harbour-03]") and PICTURE_NAME.match("[tide_chart]")
    assert not PICTURE_NAME.match("[Search]") and not PICTURE_NAME.match("[Go]")


def test_a_gallery_announced_with_a_colon_ends_the_article_with_its_captions():
    """Issue 4: a gallery that the article's last paragraph announces with a colon keeps
    its captions though no paragraph follows it, its pictures between them."""
    page = _gallery_page().replace("summer walks along the coast.", "summer walks along the coast:")
    page = page.replace(page[page.index("Have you taken"):page.index("\n\n", page.index("Have you taken"))], "")
    body = extract_text_page(page).body
    for caption in GALLERY_CAPTIONS:
        assert caption in body


# A listing in a language without braces, with its comments and docstrings.
PYTHON_LISTING = '''\
import datetime
from harbour.tides import table

# The office publishes the table at six.
# See the notice board for changes.
def next_tide(now):
    """The next high water after now."""
    rows = table(datetime.date.today())
    return min(row for row in rows if row.time > now)'''


def test_a_listing_without_braces_is_one_block():
    """Issue 4: a listing of definitions and imports, with comments and a docstring
    between its lines, is one block too."""
    page = (textwrap.fill(TIDE_PARAGRAPHS[1], 99) + "\n\n" + PYTHON_LISTING + "\n\n"
            + textwrap.fill(TIDE_PARAGRAPHS[2], 99) + "\n")
    texts = [block.text for block in split_blocks(page)]
    assert texts == [" ".join(text.split()) for text in (TIDE_PARAGRAPHS[1], PYTHON_LISTING, TIDE_PARAGRAPHS[2])]


def test_a_short_dump_cut_before_long_capitalised_words_is_joined():
    """Issue 4: a short dump of a paragraph in German, wrapped before long nouns, reaches
    its last columns on one line only; its lines that break off mid-sentence where the
    next word would not have fitted show the width all the same."""
    lines = [
        "Der Hafenrat hat am Dienstag lange beraten. Und trotzdem bleibt die Zukunft der",
        "Winterfähre zu den Inseln offen, sagte die Bürgermeisterin nach der Sitzung, die bis",
        "Mitternacht dauerte. Die Pendler wollen nun selbst eine Genossenschaft gründen und die",
        "Schiffsverbindung übernehmen.",
    ]
    page = "Hafen\n\n  • Start\n  • Kontakt\n\n" + "\n".join(lines) + "\n\nImpressum\n"
    assert " ".join(" ".join(lines).split()) in [block.text for block in split_blocks(page)]
