"""Issue 4: how the text-browser dumps (w3m, lynx) are read, in session 9: their wrapped
paragraphs."""

from __future__ import annotations

import textwrap

from newsarchive.extract.textblocks import split_blocks, wrap_width

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

