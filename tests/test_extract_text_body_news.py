"""Article bodies of news pages (issue 4): the shapes of newspaper and magazine pages that
decide where the article runs, on small hand-written pages."""

from __future__ import annotations

import textwrap

from newsarchive.extract.furniture import furniture_reason
from newsarchive.extract.language import stop_words
from newsarchive.extract.textblocks import measure, split_blocks
from newsarchive.extract.textbody import classify
from newsarchive.extract.textpage import extract_text_page

HEADLINE = "Harbour town votes to keep its last ferry running"
STANDFIRST = (
    "The council will pay for the winter crossings for three more years, though the company says "
    "the route has lost money for a decade."
)
ARTICLE = [
    "The council voted on Tuesday night to pay for the winter crossings to the islands for three "
    "more years, after a meeting that ran until almost midnight and was watched by hundreds.",
    "Islanders who work on the mainland had warned that without the boat they would have to "
    "choose between a rented room in town every week and the jobs they have held for years.",
    "The ferry company said it was grateful for the help, but that the money would only cover "
    "the winter months and that the summer timetable would have to pay its own way.",
    "Several councillors said they had voted for the plan with a heavy heart, since the money "
    "would have to come from the budget for roads, and the roads were in a poor state too.",
    "The harbour master said the berth would be kept free for the ferry in the evenings, and "
    "that the fishing fleet had agreed to tie up on the north side of the quay instead.",
]
RELATED = [
    "Lifeboat crew called out twice in one stormy night",
    "New bakery opens in the old customs house",
    "School choir to sing at the lighthouse centenary",
]


def test_a_comment_button_in_the_story_tools_under_the_standfirst_does_not_end_the_article():
    """Issue 4: a newspaper sets its story tools ("E-mail", "Print", "Comment") between the
    standfirst and the article. The "Comment" button is no comment thread: no comment stamp,
    no "Reply" link and no date line follows it, only the article's paragraphs, which must
    not be lost for the standfirst above the button."""
    page = "\n\n".join(
        ["Harbour Gazette", "Home", "News", HEADLINE, "March 3, 2020, 6:40 PM", STANDFIRST, "By Tom Hale",
         "Related Items", *RELATED, "Story Tools", "E-mail", "Print", "Comment", *ARTICLE, "Most Popular", *RELATED]
    )
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("on the north side of the quay instead.")


def test_a_published_and_an_updated_line_over_the_article_are_no_comment_thread():
    """Issue 4: a newspaper prints when the article was published and when it was last
    changed, a date and a time each, one under the other. Two such stamps read like the
    first of a thread of comments, but under one another they are the article's own, and
    the article below them stays (a paragraph of a box above the headline notwithstanding)."""
    page = "\n\n".join(
        ["Harbour Gazette", "Home",
         "Your saved stories will appear on your reading list. Give each one a short note so that "
         "you will know later why you kept it.",
         "Save this story", HEADLINE, "By Tom Hale", "Published: 3/3/2020 6:40 PM", "Last Modified: 3/3/2020 9:15 PM",
         *ARTICLE, "Most Popular", *RELATED]
    )
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("on the north side of the quay instead.")


def test_a_reader_comments_heading_ends_the_article():
    """Issue 4: "Reader Comments" heads the thread under the article as "Comments" does;
    the readers' names, each with how long ago they wrote, stand over comments that read as
    prose, and none of them is the article's."""
    thread = []
    for name, comment in [
        ("Marta", "The council was right to pay for the boat, and the roads can wait a year or two."),
        ("Quay Walker", "I have taken that crossing every winter for twenty years and I am glad it stays."),
        ("Sam Island", "Who is going to pay for this in three years, when the money runs out again?"),
    ]:
        thread += [f"{name} (1 day ago)", comment, "Report Comment"]
    page = "\n\n".join(
        ["Harbour Gazette", HEADLINE, "By Tom Hale", "March 3, 2020", *ARTICLE, "Reader Comments", *thread,
         "Most Popular", *RELATED]
    )
    body = extract_text_page(page).body
    assert body.endswith("on the north side of the quay instead.")
    assert "crossing every winter" not in body


def test_a_list_that_ends_the_article_after_its_colon_stays():
    """Issue 4: a short post that ends with a list it announces ("Here are the towns on the
    tour:"), each item a name on its own line, keeps the list: the items weigh little, but
    the colon says they are the article's."""
    towns = ["Brest", "Galway (two nights)", "Stornoway", "Lerwick", "Kirkwall (two nights)", "Tórshavn"]
    page = "\n\n".join(
        ["Island Ferry Blog", "Our summer tour", "March 3, 2020",
         "We are glad to tell you where the old ferry will sail this summer, now that the council has "
         "paid for her repairs and the crew have signed on for another year.",
         "Here are the towns on the tour, in the order the boat will call at them:", *towns,
         "Share this post", "Facebook", "Twitter", "Recent posts", *RELATED]
    )
    body = extract_text_page(page).body
    assert body.endswith("Tórshavn")
    assert "Stornoway" in body


def test_a_horizontal_rule_in_a_dump_parts_the_lines_around_it():
    """Issue 4: w3m draws a rule under a heading ("━━━━"); a heading set across the full
    width of a wrapped dump, the rule and the next line are three things, not one paragraph
    wrapped over three lines, and the rule is no text of the page."""
    prose = " ".join(ARTICLE * 3)
    page = (
        "\n".join(textwrap.wrap(prose, 78)) + "\n\n"
        + "Reader Comments" + " " * 56 + "3 Total\n"
        + "━" * 50 + "\n"
        + "Show:  Newest First" + " " * 40 + "Learn About Our Comment Policy\n"
    )
    texts = [block.text for block in split_blocks(page)]
    assert texts[-2:] == ["Reader Comments 3 Total", "Show: Newest First Learn About Our Comment Policy"]


def test_a_call_to_get_the_latest_news_is_furniture():
    """Issue 4: "Get the latest ... news sent straight to ..." is a sign-up box's line,
    however much it reads as a sentence."""
    assert furniture_reason("Get the latest harbour news sent straight to your phone.", 10) is not None


def test_a_line_counting_the_comments_in_spanish_ends_the_article():
    """Issue 4: "12 » Comentarios" under a Spanish article counts the comments as "12
    comments" does; the readers' comments below it, long as they are, stay out."""
    article = [
        "El ayuntamiento votó el martes por la noche pagar los viajes de invierno a las islas durante "
        "tres años más, después de una reunión que duró hasta casi la medianoche.",
        "Los isleños que trabajan en la costa habían advertido de que sin el barco tendrían que elegir "
        "entre una habitación alquilada en la ciudad y los trabajos que tienen desde hace años.",
        "La naviera dijo que agradecía la ayuda, pero que el dinero solo cubriría los meses de invierno "
        "y que el horario de verano tendría que pagarse por sí mismo, como hasta ahora.",
    ]
    comments = []
    for n, name in enumerate(["Pepe", "Marta", "Lucía", "Andrés"]):
        comments += [
            f"{name} 2{n}.mar.2020 | 11:2{n}", f"#{n + 1}",
            "Es una vergüenza que el ayuntamiento haya tardado tanto en decidirse, porque los que vivimos en "
            "las islas llevamos meses sin saber si podremos volver a casa después del trabajo cada noche.",
            "Responder Citar mensaje", "Valorar", "Positivo Negativo",
        ]
    page = "\n\n".join(
        ["Diario del Puerto", "El último ferry seguirá navegando", "Actualizado martes 03/03/2020 18:40 horas",
         *article, "Todos", "Mejor valorados", "12 » Comentarios ¿Quieres comentar? Entra o regístrate", *comments]
    )
    body = extract_text_page(page).body
    assert body.startswith("El ayuntamiento votó")
    assert body.endswith("como hasta ahora.")


def test_the_lines_of_a_video_transcript_beside_the_article_stay_out():
    """Issue 4: a news page sets a video's transcript beside the article, each line opening
    with the time it is spoken at. The lines read like prose but are fragments of speech,
    and the article above and below the video keeps its own paragraphs only."""
    spoken = [
        "the crossing is the only way home for most of us who work in town and",
        "the council knows that very well. We have said it at every meeting since",
        "the company first told us it was losing money on the winter boats and that",
        "it would stop them unless somebody else paid. So now somebody else is paying",
        "and we are glad of it, but three years is not very long when you have a",
        "family on the islands and a job on the mainland and no other way to get there.",
    ]
    transcript = [f"00:{4 * n + 1:02d} {line}" for n, line in enumerate(spoken)]
    page = "\n\n".join(
        ["Harbour Gazette", HEADLINE, "By Tom Hale", "March 3, 2020", *ARTICLE[:2], "Video Transcript",
         *transcript, *ARTICLE[2:], "Most Popular", *RELATED]
    )
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("on the north side of the quay instead.")
    assert "00:" not in body and "glad of it" not in body


def test_a_long_caption_closed_by_its_photo_credit_is_furniture():
    """Issue 4: a caption runs to several sentences and ends with its picture's credit in
    brackets, "(Photo: Jane Roe, AP)"; however long, it is no paragraph of the article."""
    caption = (
        "The night ferry leaves the harbour for the last time this winter, with the crew waving from the "
        "bridge. Islanders say they will miss the late crossing, which the council has now agreed to pay "
        "for until the spring of next year at least.(Photo: Tom Hale, Harbour Gazette)"
    )
    assert furniture_reason(caption, len(caption.split())) is not None


def test_a_news_agency_caption_dated_in_its_first_words_is_furniture():
    """Issue 4: an agency's caption opens with the date of its picture ("In a Monday, March
    2, 2020 photo, ..."), and runs as long as a paragraph; it is no paragraph of the
    article. (A sentence that merely mentions a photo is prose.)"""
    caption = (
        "In a Monday, March 2, 2020 photo, deckhand Ana Ruiz ties up the night ferry at the harbour. "
        "The council has voted to pay for the winter crossings for three more years, after islanders "
        "warned that without the boat they would have to choose between their homes and their jobs."
    )
    assert furniture_reason(caption, len(caption.split())) is not None
    prose = "In a photo posted on the council's website, the mayor is seen shaking hands with the crew."
    assert furniture_reason(prose, len(prose.split())) is None


def test_an_agency_caption_after_its_credit_is_furniture():
    """Issue 4: the credit may stand before the agency's caption: "Jane Roe, File - FILE -
    In this March 2, 2019 file photo, ...", as long as a paragraph."""
    caption = (
        "Ana Ruiz, File - FILE - In this March 2, 2019 file photo, the night ferry leaves the harbour for "
        "the islands. The council has voted to pay for the winter crossings for three more years, after "
        "islanders warned that they would have to choose between their homes and their jobs."
    )
    assert furniture_reason(caption, len(caption.split())) is not None


def test_a_line_saying_how_long_ago_a_story_ran_is_no_sub_heading():
    """Issue 4: "AP - 39 mins ago" stands over each teaser of a list of other stories, and
    over the article's first paragraph too; it is a time stamp, not a sub-heading of the
    article (nor its headline)."""
    page = "\n\n".join(
        ["Harbour Gazette", HEADLINE, "By Tom Hale", "March 3, 2020", "Harbour News - 39 mins ago", *ARTICLE,
         "Most Popular", *RELATED]
    )
    article = extract_text_page(page)
    assert article.body.startswith("The council voted on Tuesday night")
    assert "mins ago" not in article.body
    assert furniture_reason("Diario del Puerto - hace 5 minutos", 6) is not None


def test_a_teaser_cut_short_before_a_read_link_is_furniture():
    """Issue 4: a "Related" box sets another story's opening words cut short before its
    link, printed "… Read…": it reads as prose, but it is a teaser, not the article's."""
    teaser = (
        "The volunteers of the harbour lifeboat were called out on Sunday night, first to a yacht that had "
        "lost its mast off the point and then to a fishing boat whose engine had… Read…"
    )
    block = split_blocks(teaser)[0]
    measure(block, stop_words("en"))
    assert classify(block, learned=False).kind == "furniture"


def test_a_box_of_other_stories_with_their_teasers_ends_the_article():
    """Issue 4: under the article, "Related News On Harbour Gazette:" heads other stories,
    each headline over a teaser as long as a short paragraph. The teasers outweigh the
    heading, but less prose follows it than stands above, none of it longer than a teaser:
    the article ends at the heading."""
    teasers = [
        ("Lifeboat Crew Called Out Twice In One Stormy Night Off The Point",
         "The volunteers of the harbour lifeboat were called out twice on Sunday night, first to a yacht "
         "and then to a fishing boat."),
        ("Bakery Opens In Old Customs House",
         "The old customs house on the quay has stood empty for years, but from Monday it will smell of "
         "fresh bread in the mornings."),
        ("Ferry Timetable: Council Publishes Winter Sailings, Fares And Connections For Island Routes",
         "The council has published the winter timetable for the island ferries, with the late boat on "
         "Fridays and Saturdays only."),
    ]
    lines = ["Related News On Harbour Gazette:"]
    for headline, teaser in teasers:
        lines += [headline, teaser]
    page = "\n\n".join(["Harbour Gazette", HEADLINE, "By Tom Hale", "March 3, 2020", *ARTICLE, *lines])
    body = extract_text_page(page).body
    assert body.endswith("on the north side of the quay instead.")
    assert "customs house" not in body


def test_the_share_buttons_of_a_french_page_are_furniture():
    """Issue 4: "Envoyer par mail", "Partager cet article" are a French page's share bar,
    as "Email this story" and "Share this article" are an English one's; so are the same
    buttons in the other languages read."""
    for button in ["Envoyer par mail", "Partager cet article", "Artikel versenden", "Enviar por correo",
                   "Invia per email", "Envie por e-mail"]:
        assert furniture_reason(button, len(button.split())) is not None, button


def test_a_short_post_under_long_comments_stamped_said_keeps_the_post():
    """Issue 4: a news blog's short post stands above a thread whose comments are longer
    than it; each comment's stamp gives the day without the year and ends "said:"
    ("sam on Sep 21, 3:38 PM said:"). With no by-line to mark where the post opens, the
    thread loses to the post all the same, as one stamped with a full date does."""
    comments = []
    for name, time in (("harbourwatcher", "3:29 PM"), ("old salt", "3:38 PM"), ("Jane R", "4:23 PM"), ("ferryfan", "5:00 PM")):
        comments += [
            "0\n2\nFlag as Offensive",
            f"{name} on Sep 21, {time} said:",
            "The council has been promising to fix the ferry for as long as I can remember, and every "
            "winter we hear the same story about money that has run out and routes that do not pay. "
            "If the crossings stop, the island school will lose half its teachers, and the shop will "
            "close within a year, because nobody will drive an hour each way to stock it.",
            "Reply",
        ]
    page = "\n\n".join(
        ["Harbour Gazette", HEADLINE, "Email Article\nFrom\nTo\nEmail Sent!", *ARTICLE[:2],
         "Follow Tom Hale on Twitter.", "Tags: Ferry, Islands, Council", "Share:\nTwitter\nFacebook\nEmail",
         "Recent Posts", *RELATED, "Receive email updates on new comments!", "5 Comments", *comments]
    )
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert "island school" not in body


def test_a_box_about_the_author_headed_in_another_language_ends_the_article():
    """Issue 4: a French page ends its article with a box about its writer headed "L'AUTEUR",
    then its topics and a long thread of readers' reactions ("10 réactions", "Soumis par
    NAME, le lundi 29 octobre 2012 à 15h46"), none of them the article."""
    article = [
        "Le conseil municipal a voté mardi soir le maintien des traversées d'hiver vers les îles "
        "pour trois ans encore, après une séance qui s'est prolongée jusqu'à minuit.",
        "Les habitants des îles qui travaillent sur le continent avaient prévenu que sans le bateau "
        "ils devraient choisir entre une chambre en ville et l'emploi qu'ils occupent depuis des années.",
        "La compagnie s'est dite reconnaissante, mais a rappelé que l'aide ne couvrirait que les mois "
        "d'hiver et que l'horaire d'été devrait se financer lui-même.",
    ]
    reactions = []
    for name, time in (("Marin56", "15h46"), ("Roger-Breton", "16h01"), ("Anne L", "16h30")):
        reactions += [
            f"Soumis par {name}, le lundi 29 octobre 2012 à {time}",
            "Tant que la compagnie ne publiera pas ses comptes, personne ne pourra dire si la ligne perd "
            "vraiment de l'argent, et la mairie votera chaque année des subventions sans rien savoir de "
            "ce qu'elles paient, ni de ce que deviendrait l'île sans le bateau du matin et celui du soir.",
        ]
    page = "\n\n".join(
        ["La Gazette du Port", "Le port garde son dernier ferry", "Par Tom Hale", *article, "L'AUTEUR",
         "Tom Hale est journaliste au port depuis vingt ans et a publié deux livres sur les îles du large.",
         "SUJETS", "ferry", "îles", "Réagir", "10 réactions", *reactions]
    )
    body = extract_text_page(page).body
    assert body.startswith("Le conseil municipal a voté mardi soir")
    assert body.endswith("devrait se financer lui-même.")


def test_a_plug_in_notice_under_a_short_item_is_not_its_paragraph():
    """Issue 4: a radio programme's page holds one paragraph about the episode and, in the
    player's place, "To play this episode, Javascript must be enabled and ... Flash Player must
    be installed ...": a sentence, too long for the lexicon's short lines, but the page's,
    not the article's."""
    notice = "To play this episode, Javascript must be enabled and the latest Flash Player must be installed on your computer."
    assert furniture_reason(notice, len(notice.split())) is not None
    page = "\n\n".join(["Harbour Radio", HEADLINE, "April 19, 2013", ARTICLE[0], notice, "Contact Us"])
    assert extract_text_page(page).body == ARTICLE[0]


def test_a_bio_blurb_closed_by_an_arrow_link_is_not_the_article_opening():
    """Issue 4: a blog network prints its writer's bio between the date line and the
    article, cut short by its link: "... courses at the harbour school... → Learn More"
    (lynx: "[39]→ Learn More"). It reads as prose, but ends by sending the reader away."""
    bio = (
        "Tom Hale currently writes for the Harbour Gazette as its island reporter. He grew up on the "
        "north island and studied history at the university in town before spending six years on a "
        "fishing boat, then some years in the city, where he wrote for a trade paper and attended "
        "evening courses at the harbour school..."
    )
    for link in ("→ Learn More", "[39]→ Learn More"):
        page = "\n\n".join(["Harbour Gazette", HEADLINE, "posted on Saturday, August 13th, 2011", f"{bio} {link}", *ARTICLE[:3]])
        assert extract_text_page(page).body.startswith("The council voted on Tuesday night")


def test_a_short_item_far_below_its_headline_and_date_outweighs_a_sidebar_of_blurbs():
    """Issue 4: a radio station's page holds a one-paragraph item under its headline and
    date line, parted from them by a share bar, "Add to timeline" notes, photo credits and
    tags; a sidebar of city-guide blurbs below holds more prose. The page's first paragraph
    under a headline and a date line is the article, however far below them it stands."""
    item = (
        "The morning show was proud to welcome a lifeboat volunteer into the studio, as Jane Roe "
        "(pictured with the hosts and a couple of her crew) stopped by after her long night at sea "
        "and was given the welcome she deserved."
    )
    top = [
        "Harbour Radio", "Buy Tickets", "News", "Sports", "Weather", "Morning Show: Lifeboat Hero Jane Roe",
        "June 8, 2012 6:14 AM", "Share this", "View Comments", "More Activity", "What's this?",
        "Add to Timeline - What's This", "(Ann Lee Photography)", "(Ann Lee Photography)", "From the Morning Show",
        "Filed under", "Morning Show, Harbour Radio Blogs", "Related tags", "Jane Roe, Lifeboat, Morning Show",
    ]
    sidebar = [
        "City Guides", "Harbour Walks", "Five walks along the old sea wall, with the best places to stop for "
        "chips and a view of the islands on the way.",
        "City Guides", "Fish Markets", "Our latest picks for the freshest catch in town, from the quay stalls "
        "to the covered market behind the church.",
        "City Guides", "Island Ferries", "All you need to know for a day on the islands: how to get your "
        "tickets, where to sit and what to pack for the crossing.",
    ]
    tools = [
        "LISTEN: Lifeboat Hero Jane Roe Joins The Morning Show (06/08)", "Right Click Here To Download", "Share this",
        "View Comments", "More Activity", "Facebook Activity", "What's this?", "blog comments powered by Disqus",
        "Listen Live!", "Follow @HarbourRadio", "More Videos", "Previous Next", "Page 1", "Page 2", "Page 3", "Most Popular",
    ]
    page = "\n\n".join([*top, item, *tools, *sidebar])
    assert extract_text_page(page).body == item


def test_a_sidebar_of_blurbs_each_under_a_short_label_is_not_the_article():
    """Issue 4: beside a one-paragraph item a local site sets its city guides, one or two
    sentences about each guide under a label of a few words ("WiFi Parks", "Gluten Free
    Food"). Together they hold more prose than the item, but no article runs in blurbs of
    a sentence each under two-word labels."""
    item = (
        "The harbour choir sang for the lifeboat crew on the quay at dawn, as the boat came home "
        "after a long night searching for two fishermen, who were found safe and well on the north island."
    )
    guides = [
        ("Harbour Walks", "Five walks along the old sea wall, with the best places to stop for chips and a view of the islands."),
        ("Fish Markets", "Our latest picks for the freshest catch in town, from the quay stalls to the covered market."),
        ("Island Ferries", "All you need to know for a day on the islands: how to get your tickets and what to pack."),
        ("Winter Lights", "From the lighthouse to the old customs house: where to see the town lit up this winter."),
    ]
    sidebar = [line for label, blurb in guides for line in ("City Guides", label, blurb)]
    page = "\n\n".join(["Harbour Radio", "Choir sings home the lifeboat crew", item, "Share this", "View Comments", *sidebar])
    assert extract_text_page(page).body == item


def test_a_round_up_post_keeps_the_blurbs_its_opening_introduces():
    """Issue 4: a blog's weekly round-up is a list of blurbs under their posts' titles, as a
    sidebar of guides is; but its opening paragraph introduces the list, which is the post."""
    opening = (
        "You missed a whole week of posts on the harbour blogs, but it is not too late to catch up. "
        "Here are the ones I liked best, picked for you over a cup of tea."
    )
    items = [
        ("Storm Watch", "Ann looks back at the night the sea came over the old harbour wall."),
        ("Ferry Tales", "Tom tells how the winter crossings were saved by a single vote."),
        ("Lighthouse Days", "Sam explains why the old light still matters to the boats at night."),
        ("Quay Markets", "Our guide to the stalls that open on the quay every Saturday morning."),
    ]
    page = "\n\n".join(["Harbour Blogs", "The week on the harbour blogs", "By Mindy Roe", opening,
                        *[line for title, blurb in items for line in (title, blurb)], "About the author"])
    body = extract_text_page(page).body
    assert body.startswith("You missed a whole week")
    assert "Saturday morning." in body


def test_the_article_ends_at_its_copyright_line_before_a_box_of_teasers():
    """Issue 4: a business site signs its blog post off with "© 2011 Example News", then
    sets its topics, a box headed in capitals and teasers of other stories, each a
    sentence or two under a headline, which outweigh the gap before them; the article
    does not resume after its copyright line."""
    teasers = [
        ("• Harbour Dues Rise", "• With the winter storms closing the quay, the harbour board meets at the right time to talk dues."),
        ("• Top Ferry Routes", "• Not every ferry makes money, but some routes carry more passengers than others. Here they are."),
        ("• Quiet Jobs", "• Some jobs on the quay are not glamorous, but they have qualities that are overlooked by most."),
        ("• Lighthouse Sale", "• An old lighthouse is up for sale. What should the town do with it? Our readers have ideas."),
    ]
    page = "\n\n".join(
        ["Market Desk", HEADLINE, "By Tom Hale", *ARTICLE[:3], '"Questions? Comments? Email us at',
         "© 2011 Harbour Gazette", "Topics:Ferries | Islands | Council | Budget | Harbour | Transport",
         "PrintEmail", "•", "GAZETTE HIGHLIGHTS", "» More: Blogs | Quizzes | Slideshows | Video",
         *[line for pair in teasers for line in pair], "COMMENTS"]
    )
    body = extract_text_page(page).body
    assert body.endswith("would have to pay its own way.")
