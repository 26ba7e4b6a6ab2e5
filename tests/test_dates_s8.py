"""Publication dates on today's pages: the forms and the places news sites of other
countries and today's blog templates give them, read through the whole page."""

from __future__ import annotations

import textwrap

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


STORY = """\
The council voted on Tuesday night to close the Eastgate branch library at the end of March, ending a campaign by residents that had drawn more than four thousand signatures over the summer.

Councillors said the building needed repairs the authority could not pay for, and that the library's books and computers would move to the town centre branch, a mile and a half away.

"We have looked at every option, and none of them keeps the doors open without cutting something else," said the council's leader, Joan Albright. Campaigners said they would ask for the decision to be reviewed.
"""

TITLE = "Eastgate library to close in March after council vote"


def test_the_date_in_a_links_web_address_is_no_stamp():
    # A box of other stories over the headline, each link's text run over two paragraphs
    # (headline, writer), so that its target is printed after the writer's name: the date
    # in its path is that story's.
    related = "\n\n".join(
        f"[{title}  \n\n{name}](https://example.com/2021/03/09/{slug}/)"
        for title, name, slug in (
            ("Storm closes the harbour road", "Jane Roe", "storm-closes"),
            ("Ferry fares rise again", "Sam Okafor", "ferry-fares"),
        )
    )
    text = f"{related}\n\n{TITLE}\n\nTom Reyes\n\nMarch 2, 2021 9:00AM (UTC)\n\n{STORY}"
    assert extract_text_page(text).published == "2021-03-02"


MORE = """\
Die Bürgermeisterin verwies darauf, dass die Zahl der Ausleihen im Ostviertel seit fünf Jahren sinke und dass die meisten Leserinnen und Leser ohnehin schon die Zentralbibliothek nutzten, deren Öffnungszeiten im kommenden Jahr verlängert werden sollen.

Die Initiative hält dagegen, dass gerade ältere Menschen und Familien mit kleinen Kindern auf die kurze Strecke angewiesen seien. Sie schlägt vor, die Bücherei in den Räumen der Grundschule weiterzuführen, die am Nachmittag leer stehen.

Ein Gutachten, das die Stadt im Frühjahr in Auftrag gegeben hatte, beziffert die Kosten der Sanierung auf knapp zwei Millionen Euro. Die Initiative bezweifelt diese Zahl und verlangt, das Gutachten vollständig zu veröffentlichen.
"""


def test_a_dated_by_line_run_on_under_the_standfirst_dates_the_article():
    # A text browser wraps the page at its width and sets the by-line under the
    # standfirst with no blank line between, so the two read as one paragraph.
    paragraphs = [textwrap.fill(paragraph, 78) for paragraph in (ARTICLE + "\n" + MORE).split("\n\n")]
    standfirst = (
        "Die Initiative hat mehr als viertausend Unterschriften gegen die Schließung\n"
        "gesammelt und will den Beschluss des Stadtrats nun vom Gericht prüfen lassen.\n"
        "von Lena Vogt am 4. März 2021, 15:40 Uhr"
    )
    text = "\n\n".join(["Nachrichten", "Lokales", HEADLINE, standfirst, *paragraphs])
    assert extract_text_page(text).published == "2021-03-04"


def test_a_stamp_inside_the_article_run_dates_it_when_none_stands_around_it():
    # A blog template's hidden "updated" line, printed between the article and the
    # author's box, which the run takes in: the page's only date.
    author_box = (
        "Willkommen auf meinem Blog über Bücher und Städte!\n\n"
        "Ich bin Lena, lebe seit zehn Jahren im Ostviertel und schreibe hier über alles, was in der "
        "Nachbarschaft passiert, über Bibliotheken, Cafés und die Menschen, die sie am Leben halten."
    )
    stamp = f"{HEADLINE} was last modified: März 4th, 2021 by Lena"
    text = f"Menü\n\n{HEADLINE}\n\n{ARTICLE}\nDas könnte dich auch interessieren:\n\n{stamp}\n\n{author_box}\n"
    assert extract_text_page(text).published == "2021-03-04"


def test_a_players_line_dates_the_episode_by_its_last_part():
    # An audio player between the teaser and the transcript: programme, episode, and the
    # stamp in the last part of its line.
    player = "Stadtradio - Die Woche im Rathaus mit der Bürgermeisterin - 4.03.2021 18:30 Uhr Moderation: Jan Berg"
    paragraphs = ARTICLE.split("\n\n")
    text = "\n\n".join(["Menü", HEADLINE, paragraphs[0], player, *paragraphs[1:], MORE])
    assert extract_text_page(text).published == "2021-03-04"


def test_a_short_sentence_in_the_article_does_not_date_it():
    # The page shows no stamp; the one date in the run is the story's, told in a sentence.
    paragraphs = ARTICLE.split("\n\n")
    text = "\n\n".join(["Menü", HEADLINE, *paragraphs, "Am 4. März 2021 trat sie zurück.", MORE])
    assert extract_text_page(text).published is None


def test_a_sentence_that_names_an_update_deep_in_the_article_does_not_date_it():
    paragraphs = (ARTICLE + "\n" + MORE).split("\n\n")
    told = "Die Liste der Termine wurde zuletzt aktualisiert am 4. März 2021."
    closing = "Wie es mit den Räumen im Ostviertel weitergeht, ist offen. Ein Verein hat Interesse angemeldet, will sich aber erst nach der Anhörung festlegen."
    text = "\n\n".join(["Menü", HEADLINE, *paragraphs, told, closing])
    assert extract_text_page(text).published is None


def test_a_labelled_stamp_far_above_the_body_dates_it():
    # A photo gallery between the headline's stamp and the article: the stamp stands too
    # far up to be read as the article's credits, and labels its date past a clock time,
    # a time zone and a weekday.
    gallery = "\n\n".join(f"Photos: the library over the years ({number} of 20)" for number in range(1, 21))
    stamp = "updated 3:06 PM EST, Wed March 3, 2021"
    text = f"News\n\n{TITLE}\n\n{stamp}\n\n{gallery}\n\n{STORY}"
    assert extract_text_page(text).published == "2021-03-03"


MENU = "\n\n".join(["News", "Sport", "Weather", "Business", "Culture", "Travel", "Food", "Homes"] * 2)


def test_the_mastheads_date_dates_a_page_that_shows_no_stamp_of_its_own():
    # The site prints the day over its menu on every page; the story carries no stamp.
    top = f"Sign in\n\nWednesday, Mar 3, 2021\n\nThe Harbour Gazette\n\n{MENU}"
    text = f"{top}\n\n{TITLE}\n\n{STORY}"
    assert extract_text_page(text).published == "2021-03-03"


def test_a_date_among_other_words_far_above_the_body_is_no_masthead_date():
    top = f"Sign in\n\nWinter fair opens March 3, 2021 at the pier\n\n{MENU}"
    text = f"{top}\n\n{TITLE}\n\n{STORY}"
    assert extract_text_page(text).published is None


def test_a_line_of_thousands_of_dates_is_read_in_linear_time():
    """Hostile input: each date found was compared with every date found before it, so one
    line of 20,000 dates took seconds once a rule asked for the dates of a long line."""
    from newsarchive.extract.dates import _find_dates
    from tests.timing import assert_linear_time

    # (the function under its cache, which would answer the timed runs after the first)
    find_dates = _find_dates.__wrapped__
    assert_linear_time(lambda n: find_dates(" ".join(f"{1 + i % 28}.03.2018" for i in range(n)), None), small=4_000)
