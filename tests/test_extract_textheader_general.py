"""Headlines and dates of text pages (issue 4): general page-shape knowledge the header
reader uses, on small hand-written pages."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page

BODY = (
    "The ferry to the outer islands ran on time every day this month for the first time in "
    "six years, the operator said on Monday, after the new engines passed their sea trials.\n\n"
    "Passengers who had learnt to pack a second lunch for the crossing were cautious: one "
    "islander said she would believe it when the winter timetable held through a gale.\n\n"
    "The operator plans to add a late sailing on Fridays from the spring, and to repaint the "
    "waiting room on the pier, which has not seen a brush since the old ferry was retired."
)


def test_a_headline_naming_its_date_keeps_the_word_the():
    """Issue 4: "The Week: March 3, 2021" is a headline that names its date; "the" is one of
    its words, not a word of a publication stamp, so the two words left beside the date make
    it a headline."""
    article = extract_text_page(f"Island Ferry Notes\n\nHome\n\nThe Week: March 3, 2021\n\n{BODY}\n")
    assert (article.title, article.published) == ("The Week: March 3, 2021", "2021-03-03")
