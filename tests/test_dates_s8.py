"""Publication dates on today's pages: the forms and the places news sites of other
countries and today's blog templates give them, read through the whole page."""

from __future__ import annotations

from newsarchive.extract.dates import guess_dayfirst
from newsarchive.extract.textpage import extract_text_page

ARTICLE = """\
Der Stadtrat hat am Dienstagabend beschlossen, die Bücherei im Ostviertel Ende des Monats zu schließen. Die Anwohner hatten im Sommer mehr als viertausend Unterschriften dagegen gesammelt.

Das Gebäude müsse dringend saniert werden, und dafür fehle der Stadt das Geld, sagte die Bürgermeisterin. Bücher und Computer sollen in die Zentralbibliothek umziehen, die gut zwei Kilometer entfernt liegt.

Die Initiative will den Beschluss nun vom Verwaltungsgericht prüfen lassen. Eine erste Anhörung ist für den Frühsommer angesetzt, teilte ihre Sprecherin mit.
"""

HEADLINE = "Stadtrat schließt die Bücherei im Ostviertel"


def test_a_date_written_with_full_stops_is_read_day_first():
    # The page's one numeric date cannot tell its order by its numbers; its full stops
    # tell it, over a template's English "März 2nd" further down.
    text = f"{HEADLINE}\n\n4.03.2021 von Lena Vogt\n\n{ARTICLE}\n{HEADLINE} was last modified: März 4th, 2021 by Lena Vogt\n"
    assert extract_text_page(text).published == "2021-03-04"


def test_full_stops_vote_day_first_but_numbers_that_tell_win():
    assert guess_dayfirst("Stand: 4.03.2021") is True
    # (a month past twelve settles it the other way, whatever the marks)
    assert guess_dayfirst("4.03.2021 and 03/25/2021") is False
    # (a version number is no date)
    assert guess_dayfirst("Version 4.3.12 is out") is None
