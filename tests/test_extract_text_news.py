"""News-site page shapes: the furniture that national, wire, local, broadcast, magazine,
health and tech pages carry around their articles, and pages of each shape through the CLI.

Every page under tests/fixtures/text/news/ was written for these tests (stories, people and
sites invented) in the shape its kind of site has when copied by a browser or dumped by a
text browser; the JSON beside it holds the title, date and body expected, written before
the page was first imported. The short pages below each pin one rule of the furniture
lexicon (newsarchive/extract/furniture.py): without the rule, the line named stays in the body.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsarchive.extract.furniture import furniture_reason, is_box_heading, is_credit, is_notice
from newsarchive.extract.textpage import extract_text_page

from .conftest import FIXTURES
from .test_data_samples import short

NEWS = FIXTURES / "text" / "news"
NEWS_PAGES = sorted(NEWS.glob("*.json"))
# A page imports right when its body overlaps the expected body this well (word 4-grams).
MIN_BODY_F1 = 0.95


def body_f1(expected: str, found: str) -> float:
    """F1 of word 4-gram shingles, the article-extraction benchmark's overlap score for one page."""

    def shingles(text: str) -> Counter:
        words = re.findall(r"\w+", text.lower())
        return Counter(tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3)))

    truth, guess = shingles(expected), shingles(found)
    hits = sum((truth & guess).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(guess.values()), hits / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("expectation", NEWS_PAGES, ids=[p.stem for p in NEWS_PAGES])
def test_news_page_imports_through_the_cli(run_cli, expectation: Path) -> None:
    expected = json.loads(expectation.read_text("utf-8"))
    page = NEWS / expected["file"]
    imported = run_cli("import", page)
    assert imported.code == 0, imported
    exported = run_cli("export", "--format", "jsonl")
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    assert len(records) == 1, f"{page.name}: expected one article, got {len(records)}"
    record = records[0]
    problems = [f"{name}: expected {expected[name]!r}, got {record[name]!r}" for name in ("title", "published")
                if record[name] != expected[name]]
    score = body_f1(expected["body"], record["body"])
    if score < MIN_BODY_F1:
        kept = set(expected["body"].split("\n\n"))
        extra = [short(p) for p in record["body"].split("\n\n") if p not in kept]
        missing = [short(p) for p in kept if p not in record["body"]]
        problems.append(f"body F1 {score:.3f} < {MIN_BODY_F1}; extra {extra}; missing {missing}")
    assert not problems, f"{page.name}:\n  " + "\n  ".join(problems)


# One rule, one page: a short article with the furniture line where such sites put it.

STORY = [
    "Volunteers in the market town of Coldharbour have planted an orchard of ninety apple and pear trees on a "
    "strip of council land beside the railway, using old local varieties that had all but vanished from gardens.",
    "The project was started by a retired teacher who spent two winters tracking down the last surviving trees "
    "of each variety in farmyards and churchyards, and taking cuttings to graft onto new rootstock.",
    "The town council has agreed to look after the grass and the paths, and the volunteers will prune the trees "
    "and run a harvest day each autumn, when anyone in the town will be welcome to pick the fruit.",
    "The first apples are expected in three years. The group hopes schools will use the orchard for lessons "
    "about the town's farming past, and it has already been asked to help plant two more in nearby villages.",
]


def story_page(middle: str = "", end: str = "") -> str:
    """A local news page: masthead, headline, by-line, date, the story with `middle` after its
    second paragraph and `end` after its last, then a footer."""
    parts = ["Coldharbour Gazette", "News", "Sport", "What's On", "",
             "Volunteers plant orchard of rare local apple varieties beside railway", "",
             "By Tessa Whitlock", "9 October 2024", "", STORY[0], "", STORY[1], ""]
    parts += [middle, ""] if middle else []
    parts += [STORY[2], "", STORY[3], ""]
    parts += [end, ""] if end else []
    parts += ["Most read", "Road closed for bridge repairs", "", "© 2024 Coldharbour Gazette"]
    return "\n".join(parts)


def body_of(page: str) -> str:
    article = extract_text_page(page)
    assert article.body.startswith(STORY[0]) and article.body.endswith(STORY[3]), short(article.body)
    return article.body


def test_a_paywall_meter_inside_the_article_is_furniture() -> None:
    meter = "You have read 4 of your 6 free articles this month. Subscribe today for unlimited access from £2 a month."
    assert meter not in body_of(story_page(middle=meter))


@pytest.mark.parametrize("offer", [
    "Cet article vous est offert. Pour lire la suite de nos contenus en illimité, abonnez-vous dès maintenant.",
    "Dieser Beitrag ist nur für Abonnenten frei, die übrigen Leser sehen hier nur den Anfang des Textes.",
    "Este contenido es exclusivo para suscriptores y puedes leer el resto si te registras hoy mismo con tu correo.",
    "Questo contenuto è riservato agli abbonati e per leggerlo tutto bisogna accedere con il proprio profilo.",
    "Je hebt deze maand nog twee gratis artikelen en daarna kun je een abonnement nemen op onze website.",
])
def test_paywall_offers_in_other_languages_are_furniture(offer: str) -> None:
    assert furniture_reason(offer, len(offer.split()))


def test_a_shop_link_disclosure_is_furniture() -> None:
    disclosure = "When you buy through links on our site, we may earn an affiliate commission. Here is how it works."
    assert disclosure not in body_of(story_page(middle=disclosure))
    for line in ("Wenn Sie über diese Links einkaufen, erhalten wir eine Provision vom Händler.",
                 "Si vous achetez via ces liens, nous percevons une commission sans surcoût pour vous.",
                 "Se acquisti tramite questi link potremmo ricevere una commissione dal venditore."):
        assert furniture_reason(line, len(line.split())), line


def test_a_print_edition_note_after_the_article_is_furniture() -> None:
    note = 'This article appeared in the print edition of the Gazette Weekend, 12 October, under the headline "Old fruit".'
    assert note not in body_of(story_page(end=note))
    for line in ("Dieser Artikel erschien zuerst in der gedruckten Ausgabe vom Samstag.",
                 "Cet article est paru dans l'édition papier du 12 octobre.",
                 "Este artículo se publicó en la edición impresa del sábado."):
        assert furniture_reason(line, len(line.split())), line


def test_a_health_disclaimer_after_the_article_is_furniture() -> None:
    disclaimer = ("The content on this page is for information only and is not a substitute for professional medical "
                  "advice. Always ask your doctor about any questions you have about a medical condition.")
    assert disclaimer not in body_of(story_page(end=disclaimer))


def test_a_newsletter_box_inside_the_article_is_furniture() -> None:
    box = ("The Coldharbour Week\n\nThe stories our readers talked about, delivered to your inbox every Friday.\n"
           "Enter your email\nSign up\nWe will only use your email address to send you this newsletter and you can leave at any time.")
    body = body_of(story_page(middle=box))
    assert "delivered to your inbox" not in body and "We will only use your email" not in body


def test_an_app_advertisement_after_the_article_is_furniture() -> None:
    advert = "Download the Coldharbour Gazette app for breaking news, sport results and the weather where you live."
    assert advert not in body_of(story_page(end=advert))


def test_a_wire_story_tail_is_furniture() -> None:
    # Its names and "in" places read like prose to the stop-word count.
    tail = ("Reporting by Anya Marlow in Coldharbour and by Piet Ruys in Ghent; additional reporting by Lise Hauge "
            "in Bergen; Editing by Sam Oduya and Rhoda Finch")
    assert tail not in body_of(story_page(end=tail))


def test_an_authors_bio_after_the_article_is_furniture() -> None:
    bio = ("Tessa Whitlock is a senior reporter at the Coldharbour Gazette, where she covers the countryside, "
           "farming and the town's green spaces.")
    assert bio not in body_of(story_page(end=bio))


def test_a_reference_list_under_the_article_is_furniture() -> None:
    refs = "Sources\nRook M, Tallis J. Old apple varieties of the southern counties. Pomology Review, 2021.\nOrchard Trust: grafting guide."
    body = body_of(story_page(end=refs))
    assert "Sources" not in body and "Pomology Review" not in body
    assert all(is_box_heading(h) for h in ("Sources", "References", "Further reading", "Quellen", "Fuentes", "Fonti", "Bronnen"))


# The rules above must leave prose alone.

@pytest.mark.parametrize("prose", [
    "Reporting by the council's own auditors found that the orchard scheme had cost less than planned.",
    "She is a reporter who once covered the town's council meetings, and now grows apples for a living.",
    "Readers can find the grafting guide in the library, which offers free articles on local history too.",
    "max_retries",  # a name from a code listing is not an image's file name
])
def test_prose_that_brushes_these_rules_is_not_furniture(prose: str) -> None:
    assert not furniture_reason(prose, len(prose.split())) and not is_notice(prose)


def test_a_paragraph_naming_a_reporter_is_not_a_bio() -> None:
    paragraph = ("Jonas Pirie is a reporter who spent a year following the volunteers, and his photographs of the "
                 "harvest will go on show in the town hall next month.")
    assert not is_notice(paragraph)


def test_a_reader_funding_appeal_inside_the_article_is_furniture() -> None:
    appeal = ("Our journalism costs money to produce. If you value reporting on the town, please consider supporting "
              "the Gazette with a contribution of any size.")
    body = body_of(story_page(middle=appeal + "\nSupport us"))
    assert "please consider supporting" not in body and "Support us" not in body
    for line in ("Unterstützen Sie unseren Journalismus mit einem Abonnement oder einer Spende.",
                 "Soutenez notre journalisme local en faisant un don, même modeste, à la rédaction.",
                 "Sostieni il nostro giornalismo locale con un contributo anche piccolo."):
        assert furniture_reason(line, len(line.split())), line


def test_a_call_for_tip_offs_after_the_article_is_furniture() -> None:
    tip = "Got a story for us? Email our newsdesk or send the team a message and a reporter will get back to you."
    assert tip not in body_of(story_page(end=tip))


def test_a_print_note_that_says_in_print_is_furniture() -> None:
    note = ("A version of this article appears in print on October 10, 2024, Section B, Page 3 of the weekend "
            "edition with the headline: Town Plants Orchard.")
    assert note not in body_of(story_page(end=note))


def test_a_credit_after_an_ellipsis_is_not_the_headline() -> None:
    page = "\n".join([
        "Coldharbour Gazette", "Local", "Volunteers plant orchard of rare local apple varieties beside railway",
        "Ninety trees of old varieties, grafted from the last survivors, will bear fruit in three years.",
        "Share full article", "Volunteers planting the first trees on Saturday.", "Credit...Maren Holt for the Coldharbour Gazette",
        "By Tessa Whitlock", "October 9, 2024", *STORY, "© 2024 Coldharbour Gazette"])
    article = extract_text_page(page)
    assert article.title == "Volunteers plant orchard of rare local apple varieties beside railway"
    assert "Maren Holt" not in article.body


def test_see_also_boxes_open_in_every_language() -> None:
    headings = ("Bekijk ook", "Zie ook", "Siehe auch", "Voir aussi", "Ver también", "Te puede interesar", "Vedi anche",
                "Guarda anche", "Veja também", "More information", "Más información", "Mais informação")
    assert [h for h in headings if not is_box_heading(h)] == []
    link = "Town hall clock to chime again after repair"
    body = body_of(story_page(middle="Zie ook\n\n" + link))
    assert "Zie ook" not in body


@pytest.mark.parametrize("line", ["Gift Article", "Lee sin límites", "Get unlimited access today",
                                  "Ontvang elke ochtend het nieuws in je mailbox."])
def test_short_offer_lines_are_furniture(line: str) -> None:
    assert furniture_reason(line, len(line.split())), line


# A blog's footer lines and the small print around a post.

@pytest.mark.parametrize("footer", [
    "« Previous Post Harvest festival returns to the green after two years away Next Post » Ten fruit trees that "
    "will grow happily in a small town garden",
    "Tags: orchards, apples, volunteering, Coldharbour",
    "Be the first to like this.",
    "Follow @coldharbourgazette for the town's news as it happens.",
    "This article was originally published on the Orchard Trust's website and is shared here with its permission.",
    "This story contains a slideshow that requires your computer to have Adobe Flash and JavaScript enabled.",
    "Consider a donation to the Gazette if you enjoy what you read here every week!",
    "Enter your ZIP code to find volunteer groups and planting days near you.",
    "Liked this post?",
    "Become a fan of the Gazette",
    "View the full gallery »",
    "Bookmark to:",
    "Bookmark and Share",
    "YouTube Preview Image",
    "FILE - In this 2019 file photo, volunteers carry young apple trees along the railway path at Coldharbour.",
    "Volunteers from the town's gardening club carry some of the young apple trees along the old railway path at "
    "Coldharbour on Saturday, October 5, 2024, where they will be planted in two long rows. (AP Photo/Maren Holt)",
    "Categories: For the Home, In the Garden, Out and About, On the Town, At the Table, With the Kids, From the "
    "Archive, All of the Rest",
    "Enter your friend's email address below and a short message if you wish, and we will send them this story.",
    "IMG_2041_edited-1",
    "Orchard-planting-day.JPG",
    "This article is more than 2 years old",
    "Show key events only",
    "Save article",
    "Copy link",
    "Link copied",
    "Save for later",
    "Was this helpful?",
    "Report an error",
    "Suggest a correction",
    "Give this article",
    "Subscribers only",
    "Reuse this content",
    "Video caption, Watch: volunteers plant the first trees",
    "Write to Tessa Whitlock at tessa.whitlock@example.com",
    "Appeared in the October 10, 2024, print edition as 'Old Fruit, New Roots'.",
    "Do you like this story?",
    "Volunteers carry the first trees along the railway... View Full Size",
    "Get all our new updates by email:",
])
def test_blog_and_page_small_print_is_furniture(footer: str) -> None:
    assert footer not in body_of(story_page(middle=footer))


@pytest.mark.parametrize("notice", [
    "The opinions expressed in this column are solely those of the writer and not of the Gazette.",
    "This entry was posted in Gardening, Town life and tagged orchards by Tessa Whitlock. Bookmark the permalink.",
    "Posted by Tessa Whitlock on October 9, 2024 at 10:15 AM in Gardening, Town life, Volunteering and the "
    "Countryside | Permalink",
    "You can follow any responses to this entry through the feed. You can leave a response, or trackback from your own site.",
    "Listed below are links to weblogs that reference Volunteers plant orchard of rare local apple varieties:",
    "If you liked this article, please tell your friends about it on the sites you use every day.",
    "If you're new here, you may want to follow this blog by email or through its feed. Thanks for visiting!",
    "About the author: Tessa Whitlock writes about gardens, orchards and the people who look after them.",
    "Tessa Whitlock (@tessawrites) is a senior reporter at the Gazette and the author of a book on old orchards.",
])
def test_notes_beside_a_post_leave_the_body_but_keep_it_found(notice: str) -> None:
    """Prose about the post rather than of it: dropped from the body, yet it weighs as prose,
    so a short post followed by a long comment thread keeps its run."""
    thread = ["3 Comments", "Maggie said...", "What a lovely idea, I remember those apples from my grandmother's garden "
              "and I will be there on the harvest day with my own children and a very big basket.",
              "Ray said...", "Good to see the council doing something useful with that land for once, it was "
              "nothing but brambles and shopping trolleys for as long as anyone here can remember."]
    page = story_page(end="\n".join([notice, "", *thread]))
    body = body_of(page)
    assert notice not in body and "Maggie" not in body


@pytest.mark.parametrize("line", [
    "Notify me of follow-up comments via e-mail",
    "RSS feed for comments on this post. TrackBack URI",
    "All photos on this blog are licensed under a Creative Commons Attribution licence, so you may share them.",
    "View all Tag Posts",
    "Send to a Friend",
    "SEND ME TIPS: gazette(at)example(dot)com",
    "Recent Reviews",
])
def test_comment_forms_feeds_and_side_boxes_are_furniture(line: str) -> None:
    """Lines that a page without blank lines can put right above a headline or a post."""
    assert furniture_reason(line, len(line.split())) or is_box_heading(line)
    page = story_page(middle=line).replace("Coldharbour Gazette\n", f"Coldharbour Gazette\n{line}\n", 1)
    article = extract_text_page(page)
    assert article.title == "Volunteers plant orchard of rare local apple varieties beside railway"
    assert line not in article.body


@pytest.mark.parametrize("sign_off", ["(Avec AFP)", "Mit Material von dpa", "Con información de EFE y Europa Press",
                                      "(ANSA)", "Com Lusa", "Bron: ANP", "With reporting from AP and Reuters", "dpa/AFP/jbr"])
def test_news_agency_sign_offs_are_credits(sign_off: str) -> None:
    """A live page may sign off each update with its agencies, so one can stand between paragraphs."""
    assert is_credit(sign_off)
    assert sign_off not in body_of(story_page(middle=sign_off))


@pytest.mark.parametrize("line", ["With apologies to nobody", "Met de fiets naar school", "AP Style guide"])
def test_lines_that_merely_start_like_a_sign_off_are_not_credits(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize("line", ["Comments are closed.", "Jump to comments"])
def test_comment_box_notes_are_furniture_though_they_start_with_a_weak_word(line: str) -> None:
    """'Comments' alone is furniture only on a line of two words; these longer lines are furniture too."""
    assert furniture_reason(line, len(line.split()))
    assert line not in body_of(story_page(end=line))


@pytest.mark.parametrize("button", ["Share on Facebook", "Share via WhatsApp", "Photo 3 of 12", "Recommended for you"])
def test_a_button_that_opens_with_a_weak_word_is_furniture(button: str) -> None:
    """'Share' or 'Photo' alone is furniture only on a short line; a longer phrase that opens
    the line with it ('Share on Facebook') is a button whatever the weak word."""
    assert furniture_reason(button, len(button.split()))
    assert button not in body_of(story_page(middle=button))


def test_a_weak_word_inside_a_short_sentence_stays_prose() -> None:
    line = "I will share it with you."
    assert furniture_reason(line, len(line.split())) is None


@pytest.mark.parametrize("button", [
    "Artikel anhören", "Link kopieren", "Zur Merkliste", "Jetzt kommentieren", "Écouter cet article", "Copier le lien",
    "Escuchar artículo", "Copiar enlace", "Copiar el enlace", "Copiar o link", "Sigue leyendo", "Contenido patrocinado", "Ascolta l'articolo", "Copia link",
    "Continua a leggere", "Contenuto sponsorizzato", "Ouvir notícia", "Continue lendo", "Conteúdo patrocinado",
    "Receba as notícias no seu WhatsApp", "Luister naar dit artikel", "Kopieer link", "Lees verder", "Deel dit artikel",
    "Tip de redactie", "Merken", "Guardar", "Bewaren",
])
def test_news_buttons_in_other_languages_are_furniture(button: str) -> None:
    assert furniture_reason(button, len(button.split()))
    assert button not in body_of(story_page(middle=button))


def test_box_headings_and_notices_in_other_languages() -> None:
    assert all(is_box_heading(h) for h in ("Zum Thema", "Das könnte Sie auch interessieren", "Archivado en"))
    assert furniture_reason("© RIPRODUZIONE RISERVATA", 2)
    # A weak word of a button is prose in a sentence.
    for line in ("Ich muss mir das merken, sagte sie.", "Salva la vita a un bambino di tre anni"):
        assert furniture_reason(line, len(line.split())) is None


def test_an_about_the_blog_box_opens_furniture_and_updates_in_prose_stay() -> None:
    assert is_box_heading("About the Blog") and is_box_heading("About this site")
    line = "The council will get regular updates on the work."
    assert furniture_reason(line, len(line.split())) is None


@pytest.mark.parametrize("phrase", ["please consider donating to the hospice", "click here to claim a refund",
                                    "enter your email and your password", "support local journalism"])
def test_a_call_to_action_is_furniture_in_a_box_but_not_in_an_article_paragraph(phrase: str) -> None:
    """A box's few words may be furniture by one phrase; a paragraph of an article may quote
    the same words ("the family asked mourners to please consider donating to the hospice")."""
    box = f"Before you go, {phrase}."
    assert furniture_reason(box, len(box.split()))
    paragraph = (
        "The messages looked like they came from the harbour board, and they were written with care: "
        f"each one told the reader to {phrase}, and gave a deadline of the end of the week. The board "
        "said it had never sent any of them, and that nobody should answer until it had written to every "
        "berth holder itself."
    )
    assert furniture_reason(paragraph, len(paragraph.split())) is None


def test_a_gallery_headline_is_not_a_photo_credit() -> None:
    """"Photo: NAME/AGENCY" credits a picture; "Photos: ..." running on into a sentence is a
    gallery's headline, which news sites print often."""
    assert is_credit("Photo: Jane Roe/Reuters") and is_credit("Photograph: Ann Lee for the Tribune")
    assert not is_credit("Photos: Halloween lanterns light up the harbour for the first time")
