"""Where the article ends: the coda after its last paragraph (bio, offers, other pages) goes."""

from __future__ import annotations

import pytest
from lxml import html
from newsfacet.extract import extract_article
from newsfacet.extract.density import outermost_blocks
from newsfacet.extract.linklists import teaser_card_texts
from newsfacet.extract.trim import without_coda, without_trailing_cards

ARTICLE = [
    "The harbour authority approved a plan on Tuesday to dredge the northern channel so that larger "
    "ferries can dock at the old quay, after two years of studies and public meetings.",
    "Work will begin in the autumn, when fewer boats use the channel, and should take about six months "
    "according to the engineers who drew up the plan for the authority.",
    "Fishermen had asked for the work to be done in stages, so that the southern channel stays open "
    "while the northern one is closed, and the authority agreed to their request.",
    "The cost will be shared between the port, the regional government and the ferry companies, which "
    "expect to carry a third more passengers once the larger boats can dock.",
    "Ferry timetables for the next summer will be published once the work is finished, the authority "
    "said, and the old quay will reopen to visitors in the spring after next.",
]


def body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    "coda",
    [
        # the author's bio under its heading, or introduced by name
        ["About the author", "Mara Lind covers the coast and its ports for the paper."],
        ["Written by Mara Lind", "Mara covers the coast and its ports for the paper."],
        ["Mara Lind is a freelance writer who has covered the coast and its ports since 2009."],
        # other pages
        ["Related posts", "Bridge repairs delayed again", "New ferry line to the islands"],
        ["More from Harbour Weekly", "Bridge repairs delayed again"],
        # an offer, with the short lines that come with it
        ["Join our newsletter", "The week's port news in your inbox every Friday.", "Sign me up"],
        # filing, disclosure, sources, contact
        ["Posted in Ports, Transport"],
        ["Disclosure: some links on this page earn us a commission."],
        ["Article Sources", "- Harbour authority, annual report 2025"],
        ["Write to Mara Lind at mara.lind@example.org or follow her @maralind"],
        ["Contact staff writer Mara Lind at 555-0142 or mara.lind@example.org.", "Republish this story."],
        # a shop's or a blog's own pages, a newsletter's feedback box, a plea for donations
        ["Related products", "Tide table wall chart", "Brass ship's clock"],
        ["Explore more", "Ten quiet harbours to visit this winter"],
        ["How was this issue?", "Rate it with one click:", "Great", "Okay", "Not for me"],
        ["Enjoyed this piece? We need your help to keep publishing.", "Feb 2, 2026"],
        ["Mara Lind is the owner of Harbour Tours, a small company that runs boat trips on the coast."],
        ["This story is funded by readers like you", "Our newsroom is a non-profit: give what you can."],
        ["Pin for later"],
    ],
)
def test_a_coda_after_the_last_paragraph_is_cut(coda: list[str]) -> None:
    assert without_coda(body(*ARTICLE, *coda)) == body(*ARTICLE)


def test_a_marker_followed_by_more_of_the_article_is_not_reached() -> None:
    # A coda is a small part of the body: a line that merely looks like one, followed by most of
    # the article, leaves everything in place.
    text = body(ARTICLE[0], "Related posts", *ARTICLE[1:])
    assert without_coda(text) == text


def test_a_call_to_action_followed_by_a_section_of_the_article_stays() -> None:
    # An offer set between two sections (a heading and paragraphs follow it) is not where the
    # article ends: nothing after it is cut.
    section = [
        "What comes next",
        "The authority will publish the works calendar in March and hold two public meetings before "
        "the dredgers arrive in the channel, one in the town hall and one at the quay.",
        "Residents can send their questions until the end of February.",
        "The mayor said she expects the quay to be busier than ever once the work is done.",
        "The ferry companies have already ordered two larger boats.",
    ]
    text = body(*ARTICLE, "Book a free demo of our tide tables app for your crew", *section)
    assert without_coda(text) == text


def test_a_long_self_introduction_of_the_blogger_is_cut() -> None:
    introduction = (
        "Hi there! I'm Mara, and I started this blog in 2012 when nobody wrote about small ports. "
        "Since then I have sailed with fishermen, pilots and ferry crews on four continents, and "
        "written guides to the quays, markets and seafood stalls that the travel guides leave out. "
        "When I am not on the road, I live on an old wooden boat with my cat."
    )
    longer_article = [*ARTICLE, *(paragraph.replace("authority", "port") for paragraph in ARTICLE)]
    assert without_coda(body(*longer_article, introduction)) == body(*longer_article)


def test_a_closing_sentence_that_names_a_contact_address_stays() -> None:
    # Only a line that opens with "Contact" is a contact box: an article may end by telling the
    # reader whom to contact.
    text = body(*ARTICLE, "Residents may contact the harbour office at info@example.org with questions.")
    assert without_coda(text) == text


def test_a_sentence_that_starts_like_a_bio_but_names_no_person_stays() -> None:
    text = body(*ARTICLE, "Agriculture is a major contributor to the silt the dredgers must remove.")
    assert without_coda(text) == text


def test_the_extracted_body_ends_with_the_article() -> None:
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><article>"
        "<h1>Channel to be dredged</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE)
        + "<h3>About the author</h3><p>Mara Lind has covered the coast and its ports for ten years.</p>"
        "</article></body></html>"
    )
    text = extract_article(markup).text
    assert text.endswith(ARTICLE[-1])
    assert "Mara Lind" not in text


TEASERS = [
    (
        "/ferries/new-line-to-the-islands",
        "A new ferry line to the islands",
        "The company that runs the island ferries will open a line from the old quay next summer, with "
        "two crossings a day and a night boat at weekends during the holidays.",
    ),
    (
        "/bridges/repairs-delayed-again",
        "Bridge repairs delayed again",
        "Repairs to the swing bridge over the inner harbour will take another year, the council said, "
        "because the steel for the new deck has not been delivered on time.",
    ),
    (
        "/fishing/quotas-cut-for-cod",
        "Quotas cut for cod",
        "Fishermen in the bay will be allowed to land a fifth less cod next year under the new quotas, "
        "which the minister said were needed to let the stocks recover.",
    ),
    (
        "/tourism/cruise-ships-record-season",
        "A record season for cruise ships",
        "More cruise ships called at the port this year than in any year before, bringing about forty "
        "thousand visitors to the old town's shops and restaurants.",
    ),
]


def card(href: str, headline: str, teaser: str) -> str:
    return (
        "<div class='post-item row'>"
        f"<div class='img-wrapper'><a class='image' href='{href}'></a></div>"
        f"<div class='copy'><span class='date'>Dec 19, 2025</span><h3 class='title'><a href='{href}'>"
        f"{headline}</a></h3><p class='teaser'>{teaser}</p></div></div>"
    )


def test_teaser_cards_after_the_article_are_cut() -> None:
    # A row of like boxes after the article, each a linked headline and a teaser of another story:
    # their teasers are link-sparse prose, so the extractor keeps them with the article.
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><div class='section content'>"
        "<h1>Channel to be dredged</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE)
        + "<div class='post-list'>"
        + "".join(card(*teaser) for teaser in TEASERS)
        + "</div></div></body></html>"
    )
    text = extract_article(markup).text
    assert text.endswith(ARTICLE[-1])
    assert not any(teaser in text for _, _, teaser in TEASERS)


def test_a_row_of_linked_headlines_after_the_article_is_cut() -> None:
    # Each card is one link wrapping a picture and the other story's headline.
    cards = "".join(
        f"<a href='{href}'><img src='{href}.jpg' alt=''><h3>Harbour news | {headline} this winter</h3></a>"
        for href, headline, _ in TEASERS
    )
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><div class='main'>"
        "<h1>Channel to be dredged</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE)
        + f"<div class='more'><div class='title-bar'>More</div><div>{cards}</div></div>"
        + "</div></body></html>"
    )
    text = extract_article(markup).text
    assert text.endswith(ARTICLE[-1])
    assert "Harbour news" not in text


def test_a_listing_made_of_cards_keeps_them() -> None:
    # When the cards are most of the body (a guide that lists places as cards), they are its text.
    cards = frozenset(text for _, headline, teaser in TEASERS for text in (headline, teaser))
    text = body(ARTICLE[0], *(text for _, headline, teaser in TEASERS for text in (headline, teaser)))
    assert without_trailing_cards(text, cards) == text


def test_a_row_of_footnotes_is_not_a_row_of_cards() -> None:
    # Footnotes are short like boxes too, but they link within the page.
    notes = "".join(
        f"<div class='footnote'><a href='#note-{index}'>{index}</a><p>{teaser}</p></div>"
        for index, (_, _, teaser) in enumerate(TEASERS, start=1)
    )
    tree = html.fromstring(f"<div><p>{ARTICLE[0]}</p>{notes}</div>")
    paragraphs = [ARTICLE[0], *(teaser for _, _, teaser in TEASERS)]
    assert teaser_card_texts(paragraphs, outermost_blocks(tree)) == frozenset()


@pytest.mark.parametrize(
    "bio",
    [
        "Mara is a freelance contributor to Harbour Weekly and the Coast Gazette.",
        "Jon Berg is the regional CTO and vice president for ports at Seaway Systems, where he leads "
        "the digital teams.",
    ],
)
def test_a_bio_by_first_name_or_with_an_office_is_cut_as_the_last_paragraph(bio: str) -> None:
    assert without_coda(body(*ARTICLE, bio)) == body(*ARTICLE)


def test_a_closing_sentence_about_a_subject_is_not_read_as_a_bio_before_the_end() -> None:
    text = body(
        *ARTICLE[:3],
        "Dredging is a major contributor to the silt that gathers at the mouth of the river each spring.",
        *ARTICLE[3:],
    )
    assert without_coda(text) == text
