"""Page shapes that hide or repeat the article: streamed-in sections, content printed twice."""

from __future__ import annotations

import pytest
from newsfacet.extract import extract_article

OPENING = [
    "The harbour authority approved a plan on Tuesday to dredge the northern channel so that larger "
    "ferries can dock at the old quay, after two years of studies and public meetings.",
    "Work will begin in the autumn, when fewer boats use the channel, and should take about six months "
    "according to the engineers who drew up the plan for the authority.",
]
STREAMED = [
    "Fishermen had asked for the work to be done in stages, so that the southern channel stays open "
    "while the northern one is closed, and the authority agreed to their request.",
    "The cost will be shared between the port, the regional government and the ferry companies, which "
    "expect to carry a third more passengers once the larger boats can dock.",
]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_sections_a_page_streams_into_placeholders_are_read_where_they_belong() -> None:
    # Server-rendered pages (React streaming) send later sections in hidden containers at the end of
    # the page, with a script that moves each into its placeholder: a reader sees them in place.
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><main><article>"
        f"<h1>Channel to be dredged</h1>{paragraphs(OPENING)}<template id='P:1'></template>"
        "<p>Ferry timetables will be published once the work is finished.</p></article></main>"
        f"<div hidden id='S:1'><h2>Who pays</h2>{paragraphs(STREAMED)}</div>"
        "<script>$RS('S:1','P:1')</script></body></html>"
    )
    text = extract_article(markup).text
    order = [text.find(paragraph) for paragraph in (*OPENING, *STREAMED)]
    assert -1 not in order and order == sorted(order)
    assert text.find(STREAMED[1]) < text.find("Ferry timetables will be published")


def test_a_hidden_section_with_no_placeholder_stays_out() -> None:
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><main><article>"
        f"<h1>Channel to be dredged</h1>{paragraphs(OPENING)}</article></main>"
        f"<div hidden id='S:1'><p>An unrelated teaser that a script would never show to readers.</p></div>"
        "</body></html>"
    )
    assert "unrelated teaser" not in extract_article(markup).text


def test_a_run_of_paragraphs_the_page_prints_twice_is_read_once() -> None:
    # Responsive pages print a section twice (one copy per screen size), both visible to a parser.
    section = f"<div class='section'><h2>Who pays</h2>{paragraphs(STREAMED)}</div>"
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><article>"
        f"<h1>Channel to be dredged</h1>{paragraphs(OPENING)}{section}{section}"
        "<p>Ferry timetables will be published once the work is finished.</p></article></body></html>"
    )
    text = extract_article(markup).text
    assert all(text.count(paragraph) == 1 for paragraph in (*OPENING, *STREAMED))
    assert text.endswith("Ferry timetables will be published once the work is finished.")


def test_a_sentence_the_article_repeats_on_purpose_stays_twice() -> None:
    refrain = "Nobody on the quay could remember a winter as calm as this one, the harbour master said."
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><article>"
        f"<h1>Channel to be dredged</h1><p>{refrain}</p>{paragraphs(OPENING)}<p>{refrain}</p>"
        f"{paragraphs(STREAMED)}</article></body></html>"
    )
    assert extract_article(markup).text.count(refrain) == 2


def test_a_data_table_whose_cells_hold_sentences_stays_a_table() -> None:
    # A comparison grid: every row has the same cells; long cells do not make it a layout table, and
    # each row stays one line of the body.
    rows = [
        ("Northern channel", "Dredged in the autumn, closed for six months while the work goes on.", "Yes"),
        ("Southern channel", "Stays open for fishing boats and the smaller ferries during the work.", "No"),
        ("Old quay", "Strengthened so that the larger ferries can dock there from next year.", "Yes"),
    ]
    cells = "".join(
        f"<tr><td><p>{name}</p></td><td><p>{what} {what}</p></td><td><p>{closed}</p></td></tr>"
        for name, what, closed in rows
    )
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><article>"
        f"<h1>Channel to be dredged</h1>{paragraphs(OPENING)}"
        f"<table><tr><td><p>Part</p></td><td><p>Plan</p></td><td><p>Closed</p></td></tr>{cells}</table>"
        f"{paragraphs(STREAMED)}</article></body></html>"
    )
    lines = extract_article(markup).text.split("\n\n")
    assert all(any(name in line and what in line for line in lines) for name, what, _ in rows)


def test_a_box_of_plain_text_does_not_become_the_article() -> None:
    # An author box written as one text node (no paragraphs, no line breaks) stays a box: turning
    # it into a paragraph made extractors prefer it to an article of short paragraphs.
    bio = (
        "Mara Lind has covered ports and shipping for the paper since 2009. Before that she worked "
        "as a deckhand on coastal ferries and as a reporter for a trade weekly in Rotterdam. She "
        "lives by the old quay with two cats and a rowing boat that she restores every winter."
    )
    sections = "".join(
        f"<div class='part'><h2>Part {number}</h2><div><div>{text}</div></div></div>"
        for number, text in enumerate(OPENING + STREAMED, start=1)
    )
    markup = (
        "<html lang='en'><head><title>Channel to be dredged</title></head><body><main>"
        f"<h1>Channel to be dredged</h1>{sections}</main><aside><div class='bio'>{bio}</div></aside>"
        "</body></html>"
    )
    text = extract_article(markup).text
    assert all(paragraph in text for paragraph in OPENING + STREAMED)


def test_the_dense_prose_reader_leaves_code_listings_out() -> None:
    # Code listings are not prose: the densest block of prose is the body's second opinion, and a long
    # listing must neither make its container win nor join the text it reads.
    from lxml import html
    from newsfacet.extract.density import densest_text

    listing = "\n".join(
        f"step_{n} = run(step_{n - 1}, retries=3, timeout=30)  # stage {n}" for n in range(1, 40)
    )
    tree = html.fromstring(
        f"<html><body><div class='post'>{paragraphs(OPENING)}<pre><code>{listing}</code></pre>"
        f"{paragraphs(STREAMED)}</div></body></html>"
    )
    text = densest_text(tree)
    assert "retries=3" not in text
    assert all(paragraph in text for paragraph in OPENING + STREAMED)


def test_a_schedule_that_repeats_its_short_lines_on_purpose_keeps_them() -> None:
    # A plan for two days lists the same meals twice: short lines, not a section printed twice.
    meals = [
        "Breakfast at seven: oats, a pear and black tea",
        "Lunch at noon: lentil soup, bread and a salad",
        "Snack at four: yoghurt with honey and some walnuts",
        "Dinner at seven: baked fish, potatoes and glazed carrots",
        "Before bed: warm milk and two plain rice crackers",
        "Water: eight glasses over the day, more when hot",
        "Walk: thirty minutes after lunch, at an easy pace",
    ]
    days = "".join(f"<h2>Day {day}</h2>{paragraphs(meals)}" for day in (1, 2))
    markup = (
        "<html lang='en'><head><title>A plan for the week</title></head><body><article>"
        f"<h1>A plan for the week</h1>{paragraphs(OPENING)}{days}</article></body></html>"
    )
    text = extract_article(markup).text
    assert all(text.count(meal) == 2 for meal in meals)


def filled_around(gap: str) -> list[str]:
    """The paragraphs of a body that kept OPENING and STREAMED, once the page's blocks between the
    two (`gap`, as markup) are put back."""
    from lxml import html
    from newsfacet.extract.body import gap_blocks, with_gaps_filled

    tree = html.fromstring(
        f"<html><body><article>{paragraphs(OPENING)}{gap}{paragraphs(STREAMED)}</article></body></html>"
    )
    return with_gaps_filled("\n\n".join(OPENING + STREAMED), gap_blocks(tree)).split("\n\n")


def test_blocks_between_two_kept_paragraphs_are_put_back_in_place() -> None:
    # Precision mode keeps the paragraphs around a section heading or a short list and drops them;
    # the page's blocks between two consecutive kept paragraphs belong to the same article.
    gap = "<h2>Who pays</h2><ul><li>The port, a third</li><li>The region, a third</li></ul>"
    assert filled_around(gap) == [*OPENING, "Who pays", "The port, a third", "The region, a third", *STREAMED]


def test_a_whole_short_section_between_two_kept_paragraphs_is_put_back() -> None:
    # Precision mode drops a section of a heading and ten short list items; the paragraphs before
    # and after it are the same article's, so the section is too.
    steps = [f"Step {number}: check the mooring lines" for number in range(1, 11)]
    items = "".join(f"<li>{step}</li>" for step in steps)
    gap = f"<h2>Before the dredgers arrive</h2><ol>{items}</ol>"
    assert filled_around(gap) == [*OPENING, "Before the dredgers arrive", *steps, *STREAMED]


@pytest.mark.parametrize(
    "gap",
    [
        # a box of other stories: its heading is plain text, its items links
        "<h3>You may also be interested in</h3><ul><li><a href='/a'>Bridge repairs delayed again</a></li>"
        "<li><a href='/b'>New ferry line to the islands</a></li></ul>",
        # a promotion written as plain text: a short line that calls the reader to act
        "<h4>HARBOUR WEEKLY, NOW AS A PODCAST!</h4>"
        "<p>Every Friday our port reporter walks you through the week's news. Click to listen.</p>",
        # a teaser card: one link around a plain-text headline and summary (no `<a>` of their own)
        "<a href='/ferries'><h3>Ferry fares rise again</h3>"
        "<p>Operators blame the price of fuel for the third rise this year.</p></a>",
    ],
)
def test_a_gap_that_is_not_the_article_stays_out(gap: str) -> None:
    assert filled_around(gap) == [*OPENING, *STREAMED]


def test_an_article_beside_a_form_is_read_from_plain_html_elements() -> None:
    from lxml import html
    from newsfacet.extract.parse import parse_html

    form = (
        "<form action='/subscribe'><label for='e'>Your e-mail</label><input id='e' name='e'>"
        "<select name='f'><option>Daily</option></select><textarea name='c'></textarea>"
        "<button>Sign me up</button></form>"
    )
    article = f"<article><h1>Dredging</h1>{paragraphs(OPENING + STREAMED)}</article>"
    page = f"<html><head><title>Dredging</title></head><body>{article}{form}</body></html>"
    tree = parse_html(page)
    assert {type(element) for element in tree.iter()} == {html.HtmlElement}
    assert tree.find(".//form").text_content().startswith("Your e-mail")
    assert extract_article(page).text == "\n\n".join(OPENING + STREAMED)


_BAKERIES = [
    ("Crumb and Crust", "Old Town", "sourdough loaves with a dark, blistered crust and an open crumb"),
    ("The Rye House", "Harbour Side", "dense rye breads in the northern style, sliced thin for breakfast"),
    ("Morning Oven", "Canal Quarter", "croissants laminated over three days and baked twice each morning"),
    ("Flour and Salt", "Market Hill", "plain white bread of the old kind, sold by weight at the counter"),
    ("Seed and Stone", "North End", "stone-ground wholemeal bread and seeded rolls from local grain"),
    ("Little Bakehouse", "West Park", "sweet buns, cinnamon knots and a lemon cake that sells out by noon"),
    ("The Long Proof", "Riverside", "slow-fermented baguettes with a thin crust that crackles as it cools"),
]


def test_an_article_whose_container_bears_a_deleted_class_word_is_read_whole() -> None:
    # The entries of a guide sit in an element whose class says "footer" (trafilatura deletes any
    # element so named): every reader kept only the intro above them.
    entries = "".join(
        f"<div class='venue'><h3><a href='/venue/{number}'>{name}</a></h3><div class='venue-main'>"
        f"<div class='venue-text'><p>{name} in {area} is known for {speciality}; the queue forms "
        "before the doors open, and regulars say the wait is worth it.</p></div>"
        f"<div class='venue-info'><p>Find it at number {number + 3} on the main street of {area}, "
        "open from seven in the morning until two, every day but Monday; cards are accepted.</p></div>"
        "</div></div>"
        for number, (name, area, speciality) in enumerate(_BAKERIES)
    )
    topics = "".join(f"<a href='/topic/{n}'>Food and drink topic {n}</a> " for n in range(40))
    markup = (
        "<html lang='en'><head><title>The best bakeries in town</title></head><body>"
        f"<div class='topics'>{topics}</div>"
        "<div class='guide'><h1>The best bakeries in town</h1><div class='guide-lead'>"
        "<p>Our critics spent a month eating bread across the city to choose the bakeries below.</p>"
        "<p>Each was visited at least twice, once early in the morning and once late in the afternoon, "
        "and we paid for everything we ate.</p><p>Prices were checked in the week before publication; "
        "opening hours change with the seasons, so call ahead before a long trip.</p>"
        "</div><div class='guide-footer'><div class='venues'>"
        f"{entries}</div></div></div></body></html>"
    )
    text = extract_article(markup).text
    assert text.startswith("Our critics spent a month")
    assert all(f"{name} in {area} is known for" in text for name, area, _ in _BAKERIES)
