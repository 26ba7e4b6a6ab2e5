"""Headlines of news pages (issue 4): the photo captions, pull quotes, kickers and alt
texts a newspaper sets around its headline are not the headline. Small hand-written
pages, run through the real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page

BODY = (
    "The ferry company said on Tuesday that the night crossing to the islands would stop "
    "at the end of the month, after sixty years in which the boat never missed a winter.\n\n"
    "Islanders who work on the mainland said they had not been asked, and that the morning "
    "boat leaves too late for anyone who starts work at eight.\n\n"
    "The company said the night boat had carried fewer than twenty passengers a crossing "
    "since the spring, and that the crew would move to the new summer route."
)


def test_a_caption_with_its_photo_credit_run_on_is_not_the_headline():
    """Issue 4: "Headline / standfirst / headline again / Caption Photo: AGENCY / date":
    the caption names the article's people and places and stands right over the date,
    but the credit run on at its end makes it a photo's caption. The headline printed
    again over the photo and the caption are not the article's opening either."""
    page = (
        "Harbour Courier\n\nNews\n\nTravel News\n\n"
        "Night ferry to the islands to stop after sixty years\n\n"
        "The last night crossing to the islands will sail at the end of the month.\n\n"
        "Night ferry to the islands to stop after sixty years\n"
        "Passengers leave the night ferry on the quay at the islands after the crossing Photo: HARBOUR PRESS\n\n"
        "9:39AM GMT 05 Oct 2021\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Night ferry to the islands to stop after sixty years"
    assert article.subtitle == "The last night crossing to the islands will sail at the end of the month."
    assert article.body.startswith("The ferry company said on Tuesday")


def test_a_big_picture_headline_is_not_a_caption():
    """Issue 4: a headline may use the word a credit opens with ("The Big Picture: ...",
    "... the year in pictures: ..."); what follows it is no credit's name."""
    for headline in (
        "The Big Picture: Night Ferry Ends",
        "A last look at the night ferry in pictures: Gulls, nets and a quiet quay",
    ):
        page = "Harbour Courier\n\n" + headline + "\n\nBy Ann Fisher\n\n" + BODY + "\n"
        assert extract_text_page(page).title == headline


def test_an_alt_text_the_caption_repeats_with_its_credit_is_not_the_headline():
    """Issue 4: a text browser prints a photo's alt text, then its caption: the same words
    with the credit run on ("NAME, role" / "NAME, role Crédits photo : NAME/PAPER")."""
    page = (
        "Harbour Courier\n\nNews\n\nNight ferry to the islands to stop\n\n"
        "Share\n\nPrint\n\nEmail\n\n"
        "  • Home NEWS Islands\n  • \n      □ By Ann Fisher\n      □ Published on 05/10/2021 at 09:39\n\n"
        "The night boat crossing to the islands\n\n"
        "The night boat crossing to the islands Crédits photo : Sam KEEL/Harbour Courier\n\n"
        + BODY + "\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands to stop"


def test_a_quoted_sentence_under_the_headline_is_not_the_headline():
    """Issue 4: a deck that is a quotation ("“We never meant to leave anyone behind.”")
    stands between the headline and the by-line; a full stop inside the quotation marks
    ends a sentence as one outside them does, and a headline is no sentence."""
    page = (
        "Harbour Courier\n\nNews\n\nIslands\n\n"
        "Ferry company explains why the night crossing to the islands must stop\n\n"
        '"We never meant to leave anyone behind."\n\n'
        "By Ann Fisher on June 29, 2021 08:08 pm\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Ferry company explains why the night crossing to the islands must stop"


def test_an_alt_text_that_shortens_the_headline_over_it_is_not_the_headline():
    """Issue 4: a photo's alt text right under the headline keeps some of its words and
    leaves others out ("Islanders Protest As Night Ferry Makes Its Last Crossing" /
    "Islanders Night Ferry Crossing"); the full line above is the headline."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "Islanders Protest As Night Ferry Makes Its Last Crossing\n\n"
        "Islanders Night Ferry Crossing\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islanders Protest As Night Ferry Makes Its Last Crossing"


def test_a_kicker_over_the_headline_the_page_names_again_is_not_the_headline():
    """Issue 4: a short kicker over the headline ("Crossing to the islands, night boat" /
    "Headline") looks like a headline over its deck, but the page names the lower line
    again (here in its list of latest stories; or in its document title), and not the
    kicker."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "Crossing to the islands, night boat\n\n"
        "Night ferry to the islands will stop at the end of the month\n\n"
        "Updated Sunday 28/10/2021 03:21\n\n" + BODY + "\n\n"
        "Latest news\n\n"
        "  • Night ferry to the islands will stop at the end of the month\n"
        "  • New nets for the old boats on the west quay\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands will stop at the end of the month"


def test_a_line_under_the_by_line_and_its_buttons_is_not_the_headline():
    """Issue 4: under the by-line come the share buttons, a comment count, then a photo's
    alt text right over the article ("Headline / By NAME DATE / Print / E-mail / Share /
    56 comments / Night ferry islands crossing / article"): the alt text names the
    article's words and stands nearest the body, but under a by-line stands no headline."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "Ferry company stops the night crossing and more\n\n"
        "[author_pic]\n"
        "By: Ann Fisher August 18, 2021 3:21 PM\n\n"
        "  • Print\n  • E-mail\n\n Share\n56 comments\n"
        "Night ferry islands crossing\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Ferry company stops the night crossing and more"


def test_a_sentence_over_a_credited_caption_is_the_photo_alt_text():
    """Issue 4: a text browser prints a photo's alt text ("NAME is pictured.") right over
    its caption, which ends with the agency's credit, and the by-line under them."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "Island timetable takes an unfamiliar shape\n\n"
        "  • 718 Comments\n  • RSS\n  • Email\n  • Print\n\n"
        "The night ferry is pictured.\n"
        "The night ferry leaves the islands for the last time this month. | AP Photo\n"
        "By ANN FISHER | 10/9/21 7:15 AM EDT\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Island timetable takes an unfamiliar shape"


def test_a_caption_naming_a_person_and_their_role_is_not_the_headline():
    """Issue 4: a photo's caption that names a person and says who they are ("NAME,
    director of the ferry company"), with its credit and the by-line under it, stands
    nearer the article than the headline and names its words."""
    page = (
        "Harbour Courier\n\nBusiness\n\nLike Follow\n\n"
        "Ferry Boss: The Islands Can Wait Till Morning\n\n"
        "1.1k\nShares\nShare\nTweet\nShare\n\n"
        "Mary Quayle, director of the ferry company\n\nImage: Sam Keel\n\n"
        "By Ann Fisher 2021-01-26 21:32:46 UTC\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Ferry Boss: The Islands Can Wait Till Morning"


def test_a_headline_naming_a_person_and_what_they_did_stays_the_headline():
    """Issue 4: a headline may open on a name and a comma; it says what the person did."""
    page = "Harbour Courier\n\nNews\n\nMary Quayle, ferry director, stops the night boat\n\nBy Ann Fisher\n\n" + BODY + "\n"
    assert extract_text_page(page).title == "Mary Quayle, ferry director, stops the night boat"


def test_a_headline_over_its_credit_line_is_found_past_a_long_video_playlist():
    """Issue 4: a page may set a video's long playlist between the headline with its
    credit line and the article; the headline stands further up than any other, but its
    credit line right under it still marks it."""
    playlist = "".join(
        f"{minutes:02d}:{seconds:02d}\n\nGulls of the west quay, part {part}\n\n"
        for part, (minutes, seconds) in enumerate(zip(range(1, 21), range(10, 50, 2)), start=1)
    )
    page = (
        "Harbour Courier\n\nNews\n\nNight ferry to the islands will stop this month\n\n"
        "Ann Fisher, Harbour Courier 8:42 a.m. October 3, 2021\n\nVideo\n\n" + playlist + BODY + "\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands will stop this month"


def test_a_person_caption_over_the_photo_credit_is_a_caption_over_the_by_line_too():
    """Issue 4: a headline may stand over a picture's credit and the by-line under it
    ("Headline / Illustration by NAME / By NAME"), but a line naming a person and their
    role there is the photo's caption ("NAME, director of the ferry company / Image:
    NAME / By NAME"), however well the article's opening names them."""
    opening = (
        "Mary Quayle, the director of the ferry company, is standing on the quay in work "
        "boots and a thick coat, trying to keep a night boat running.\n\n"
    )
    page = (
        "Harbour Courier\n\nBusiness\n\nLike Follow\n\n"
        "Ferry Boss: The Islands Can Wait\n\n"
        "1.1k\nShares\nShare\nTweet\nShare\nWhat's This?\n\n"
        "Mary Quayle, director of the ferry company\n\nImage: Sam Keel\n\n"
        "By Ann Fisher 2021-01-26 21:32:46 UTC\n\n" + opening + BODY + "\n"
    )
    assert extract_text_page(page).title == "Ferry Boss: The Islands Can Wait"


def test_an_image_file_name_or_a_web_address_is_not_the_headline():
    """Issue 4: a text browser prints a picture's file name for its alt text
    ("night-ferry-islands-crossing") and a frame's address ("IFRAME: http://..."); right
    over the by-line and naming the article's words, they are still no headline."""
    for printed in ("IFRAME: http://harbour.example/night-ferry-islands?crossing=last", "night-ferry-islands-crossing-quay"):
        page = (
            "Harbour Courier\n\nNews\n\nIslands to lose their night boat\n\n"
            "Share\n\nTweet\n\nPrint\n\nEmail\n\nShare\n\nComments\n\nSave\n\n"
            + printed + "\n\nBy Ann Fisher 2021-01-26 21:32:46 UTC\n\n" + BODY + "\n"
        )
        assert extract_text_page(page).title == "Islands to lose their night boat", printed


def test_a_picture_credited_by_its_maker_marks_its_caption():
    """Issue 4: "Illustration by NAME" is a picture's credit as "Photo: NAME" is; the line
    right over it, with the article under it, is the picture's caption."""
    page = (
        "Harbour Courier\n\nNews\n\nThe Untold Story Of The Night Ferry's Last Winter\n\n"
        "Ann Fisher\n\n  • share\n  • tweet\n  • print\n  • email\n\n"
        "The night ferry: the untold story\n\nIllustration by Sam Keel\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "The Untold Story Of The Night Ferry's Last Winter"


def test_a_line_of_topic_links_is_not_the_headline():
    """Issue 4: "More: Ferries Islands Longform" labels a row of topic links over the
    headline; it is no kicker of it."""
    page = (
        "Harbour Courier\n\nNews\n\nMore: Ferries Islands Night Boat\n\n"
        "Islanders Will Lose The Night Ferry To The Mainland At The End Of The Month\n\n"
        "Ann Fisher\n\nOct. 3, 2021, 9:15 AM\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islanders Will Lose The Night Ferry To The Mainland At The End Of The Month"


def test_a_video_players_keywords_are_not_the_headline():
    """Issue 4: a video player under the by-line lists its keywords on one line ("Video
    Keywords night ferry islands crossing"), naming the article's words, with no colon."""
    page = (
        "Harbour Courier\n\nNews\n\nIslands to lose their night boat\n\n"
        "Share\n\nTweet\n\nPrint\n\nEmail\n\nShare\n\nComments\n\nSave\n\n"
        "Video Keywords night ferry islands crossing company\n\n"
        "Ann Fisher, Harbour Courier 8:42 a.m. October 3, 2021\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islands to lose their night boat"


def test_a_headline_with_its_standfirst_and_credits_under_it_is_found_inside_the_run():
    """Issue 4: a page opens with a reader-photo form's messages and a box of other
    stories, which the article run swallows; the headline stands inside the run with its
    standfirst and its by-line under it. The page named it above the run too, in its share
    box, but there it had no standfirst and no credits: it is the headline here."""
    headline = "Night ferry to the islands to stop after sixty years"
    page = (
        f"{headline}\n\nSearch\n\nShare this story\n\n{headline}\n\nEmail\n\n"
        "Add More Videos or Photos\n\n"
        "Check out your photo or video now, and look for it in the Courier online and in print very soon.\n\n"
        "Your submission could not go through this time. Please try again in a few minutes.\n\n"
        "Reader contributions have not been checked for accuracy by the Courier, and the views they hold are the readers' own, not ours.\n\n"
        "Lifeboat crew called out twice in one stormy night\n\n"
        f"{headline}\n\n"
        "The company says the last night crossing will sail at the end of the month.\n\n"
        "Tom Hale, Harbour Courier 9:39 a.m. GMT October 5, 2021\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == headline
    assert article.body.startswith("The ferry company said on Tuesday")


def test_a_call_to_action_over_the_date_line_is_not_the_headline():
    """Issue 4: a sponsored box ends with its button ("Book the night ferry now!") right
    over the page's date line, and the headline stands under the date. A line that bids
    the reader act, and when, is a promotion, not a headline, however many of the
    article's words it names."""
    page = (
        "Harbour Courier\n\nNews\n\nSponsored Links\n\n"
        "Book the night ferry crossing to the islands now!\n\n"
        "Travel October 3, 2021, 9:15 AM\n\n"
        "Islanders Lose Their Evening Boat\n\n"
        "After sixty years the night boat to the islands will stop at the end of the month, and islanders say nobody asked them\n\n"
        "By Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islanders Lose Their Evening Boat"


def test_a_headline_cut_short_with_its_credits_under_it_beats_a_forms_message():
    """Issue 4: a headline that trails off ("...") over its by-line and date is weighed as
    cut short, once; not also as a sentence ended by a full stop, or the message of the
    share box under it ("The story was sent to your friend.") outweighs it."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "NIGHT FERRY: What Happens Next...\n\n"
        "Ann Fisher | Oct. 3, 2021, 9:15 AM | 1,209\n\n"
        "A\n\nA\n\nA\n\nx\n\nEmail This Story\n\nMessage Sent!\n\n"
        "The story was sent to your friend.\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "NIGHT FERRY: What Happens Next..."


def test_a_forms_fields_and_button_are_not_the_headline():
    """Issue 4: lynx prints a form's text fields as runs of underscores on their labels'
    lines ("Your Email Address_______") and its button right under them ("Send The Story
    Along"); short title-cased lines near the body, they are the form's, not the headline."""
    page = (
        "Harbour Courier\n\nNews\n\n"
        "Harbour Board Resigns\n\n"
        "   Ann Fisher | Oct. 3, 2021, 9:15 AM\n\n"
        "A\n\nA\n\nA\n\nx\n\n"
        "Email This Story\n"
        "       From Your Email Address_________\n"
        "       To Friend's Email Address_____\n"
        "       Send The Story Along\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Harbour Board Resigns"



def test_a_link_back_to_the_front_page_is_not_the_headline():
    """Issue 4: a humour column's headline ends with a full stop ("The Ferry Keeper's
    Oath."), and the link back to the front page stands between it and the piece: a
    short capitalised line right over the body, it is the way back, not the headline."""
    page = (
        "Harbour Courier\n\nHumour\n\n"
        "The Ferry Keeper's Oath.\n\n"
        "Back to the front page\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "The Ferry Keeper's Oath."


def test_topic_links_run_on_after_the_section_label_are_not_the_headline():
    """Issue 4: a text tool runs the section's label into the line of topic links under it
    ("Travel More: Ferries Islands Night Boat"): the links name the article's words and
    stand nearest the body, but a "More:" line is the page's furniture, label or not."""
    page = (
        "Harbour Courier\n\n"
        "Harbour Board Chair Steps Down\n\n"
        "Travel More: Ferries Islands Night Boat Crossing\n\n"
        "Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Harbour Board Chair Steps Down"


def test_a_short_deck_between_the_headline_and_the_by_line_is_the_standfirst():
    """Issue 4: a health-news archive sets a short deck in title case between the headline
    and the by-line ("Headline" / "Snoring Teens Should Be Checked, Researchers Say" / "By
    NAME" / the news service / the reviewer). Too short to be taken for a standfirst on its
    own, it is one there."""
    page = (
        "Health A-Z\nNews & Experts\n\nThis article is from the News Archive\n\n"
        "Night Ferry Crossings Linked to Poorer Sleep\n\n"
        "Island Commuters Should Be Screened, Doctors Say\n"
        "By Tom Hale\nHarbour Health News\nReviewed by Ann Fisher, MD\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Night Ferry Crossings Linked to Poorer Sleep"
    assert article.subtitle == "Island Commuters Should Be Screened, Doctors Say"
    assert article.authors == ["Tom Hale"]
