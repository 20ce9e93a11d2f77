"""Article text the page marks up in ways extractors skip: a landmark the parser wraps around the
article, text written straight into the page's body between headings and lists, data tables."""

from __future__ import annotations

from lxml import html
from newsfacet.extract import extract_article
from newsfacet.extract.density import container_text, densest_text, text_blocks
from newsfacet.extract.preclean import preclean

SECTIONS = {
    "Why form a company here": [
        "Forming a limited company in the state gives owners a separate legal person that carries the "
        "debts of the business, so that their houses and savings stay out of reach of its creditors.",
        "The filing fee is modest compared with neighbouring states, and the annual report asks for little "
        "more than the names of the managers and the address of the registered agent.",
    ],
    "Choose a name": [
        "The name must end with the words limited company or an accepted abbreviation of them, and it must "
        "differ from every name already on the state register in more than punctuation.",
        "A name can be reserved for sixty days while the other documents are prepared, which many owners "
        "do when they have already printed letterheads or bought a web address.",
    ],
    "File the articles of organisation": [
        "The articles name the company, its registered agent and its managers, and they are filed online "
        "or by post with the department of state together with the fee.",
        "Online filings are usually approved within a week, while a filing sent by post can take a month "
        "or more in the busy season at the start of the year.",
    ],
}
FAQ = [
    "How long does it take? Most owners who file online have their certificate within seven days of "
    "sending the articles, and a few days more when the name needs to be checked by hand.",
    "Can I file alone? Anyone can file the articles without a lawyer, although many owners ask one to "
    "read the operating agreement before the members sign it.",
    "Do I need an operating agreement? The state does not ask to see one, but banks and partners often "
    "do, and it settles in advance how profits are shared and how a member can leave.",
]


def section(heading: str, texts: list[str]) -> str:
    """A page builder's block: a heading and a text widget."""
    paragraphs = "".join(f"<p>{text}</p>" for text in texts)
    return f"<div class='block'><h2>{heading}</h2><div class='text'>{paragraphs}</div></div>"


def nested_in_navigation() -> str:
    menu = "<ul><li><a href='/start'>Start a business</a></li><li><a href='/llc'>Companies</a></li></ul>"
    sections = "".join(section(heading, texts) for heading, texts in SECTIONS.items())
    faq = "".join(f"<p>{text}</p>" for text in FAQ)
    return (
        "<html lang='en'><head><title>How to form a company</title></head><body><article>"
        f"<header><nav>{menu}<div class='page'><h1>How to form a company</h1>{sections}</div></nav></header>"
        f"<div class='faq'><h2>Questions</h2>{faq}</div></article>"
        "<footer><a href='/privacy'>Privacy</a></footer></body></html>"
    )


def test_an_article_the_parser_nests_inside_the_site_navigation_is_read_whole() -> None:
    # A page builder puts the article inside the menu's <nav> (or leaves the <nav> unclosed and the
    # parser does). The navigation guard keeps the <nav> (it holds most of the page's paragraphs);
    # the extractor must not then delete it as navigation either.
    text = extract_article(nested_in_navigation()).text
    for texts in SECTIONS.values():
        assert all(paragraph in text for paragraph in texts)
    assert "Start a business" not in text


FOLDING = [
    "What shapes can result from folding a sheet of paper flat and making one complete straight cut "
    "through all the layers, and then unfolding the pieces that fall apart?",
    "The first published reference to the problem is a Japanese puzzle book of 1721, which asks the "
    "reader to cut a crest of three folded rhombi out of a single folded sheet.",
]
# The paragraphs the page does mark up as such.
MARKED = [
    "The answer turns out to be any pattern of straight cuts: every drawing made of straight lines can "
    "be folded so that all its lines lie on one line, and one cut along that line makes it.",
    "A century and a half after the puzzle book a magazine told how a seamstress showed a committee that "
    "a five-pointed star could be cut with one snip, and the committee chose that star for its flag.",
    "Magicians have cut stars, letters and whole words this way on stage for a hundred years, and some "
    "of their folding sequences were written down in their handbooks for other magicians.",
    "Mathematicians took up the problem in the nineteen-nineties and proved two general methods, one "
    "based on the straight skeleton of the drawing and one on packing the drawing with disks.",
    "Both methods work for any drawing, but the folds they produce can be so many and so small that "
    "nobody could fold them with real paper, which is why the examples stay simple shapes.",
]


def loose_in_body() -> str:
    later = "".join(f"<p>{text}</p>" for text in MARKED[1:])
    return (
        "<html lang='en'><head><title>The fold-and-cut problem</title></head><body>"
        "<h1>The fold-and-cut problem</h1><h2>Problem</h2>"
        f"{FOLDING[0]}<ol><li>Take a sheet of paper.</li><li>Fold it flat.</li><li>Cut once.</li></ol>"
        f"<p>{MARKED[0]}</p><h2>History</h2>{FOLDING[1]}{later}"
        "</body></html>"
    )


def test_text_written_straight_into_the_page_body_between_headings_is_read() -> None:
    # Hand-written pages put their text straight into <body>, between headings, lists and paragraphs.
    text = extract_article(loose_in_body()).text
    assert all(paragraph in text for paragraph in FOLDING + MARKED)


PLAN = [
    "A week of cheap family meals starts with a shopping list: buying the same vegetables for several "
    "dishes means less waste, and tinned fish and pulses keep the cost of protein down.",
    "The amounts below feed one, two or four people; the porridge and the soups can be cooked in one go "
    "at the weekend and kept in the fridge for three days.",
    "Most of the vegetables can be swapped for frozen ones, which cost less out of season and keep "
    "their vitamins, so buy whichever is cheaper in the week you shop.",
]
INGREDIENTS = [("Porridge oats", "80g"), ("Split red lentils", "18g"), ("Carrots", "4"), ("Celery", "80g")]


def shopping_table() -> str:
    def row(name: str, amount: str) -> str:
        return f"<tr><td>{name}</td><td>{amount}</td><td>{amount} x2</td><td>{amount} x4</td></tr>"

    labels = ("Ingredient", "One", "Two", "Four")
    head = "<tr>" + "".join(f"<td><h4>{label}</h4></td>" for label in labels) + "</tr>"
    dry = "".join(row(*item) for item in INGREDIENTS[:2])
    fresh = "".join(row(*item) for item in INGREDIENTS[2:])
    return (
        f"<table><tbody>{head}<tr><td colspan='4'><p>Cupboard</p></td></tr>{dry}"
        f"<tr><td colspan='4'><p>Fresh</p></td></tr>{fresh}</tbody></table>"
    )


def test_a_data_table_with_section_rows_spanning_its_columns_stays_a_table() -> None:
    # Section rows ("Cupboard", "Fresh") whose one cell spans every column, and a <p> in that cell,
    # do not make a data table a layout table: its rows stay rows, and the body keeps them.
    markup = (
        "<html lang='en'><head><title>A week of cheap meals</title></head><body><article>"
        f"<h1>A week of cheap meals</h1><p>{PLAN[0]}</p><p>{PLAN[1]}</p>{shopping_table()}<p>{PLAN[2]}</p>"
        "</article></body></html>"
    )
    text = extract_article(markup).text
    assert all(paragraph in text for paragraph in PLAN)
    assert all(name in text for name, _ in INGREDIENTS)


def test_the_rows_of_a_data_table_are_text_blocks_of_the_article_with_their_cells_apart() -> None:
    # The densest block and the container of the body read text blocks; a table's rows are blocks
    # too (else a body those readers choose loses every table), and cells written without a space
    # between them stay separate words.
    rows = "".join(f"<tr><td>{name}</td><td>{amount}</td></tr>" for name, amount in INGREDIENTS)
    tree = html.fromstring(
        "<html><body><article><div class='text'>"
        f"<p>{PLAN[0]}</p><p>{PLAN[1]}</p><table>{rows}</table><p>{PLAN[2]}</p>"
        "</div></article></body></html>"
    )
    lines = [f"{name} {amount}" for name, amount in INGREDIENTS]
    assert [text for text, _ in text_blocks(tree)] == [PLAN[0], PLAN[1], *lines, PLAN[2]]
    assert densest_text(tree).split("\n\n") == [PLAN[0], PLAN[1], *lines, PLAN[2]]
    assert container_text(tree, PLAN[0] + "\n\n" + PLAN[2]).split("\n\n") == [
        PLAN[0],
        PLAN[1],
        *lines,
        PLAN[2],
    ]


REVIEW = [
    "The new wireless mouse is the lightest we have tested this year, and its sensor kept up with every "
    "flick in our shooting games without a single skipped frame during a week of play.",
    "Battery life is the other surprise: a full week of evening sessions used less than half a charge, "
    "and the dongle fits inside the mouse when it travels in a bag.",
    "The side buttons are the one weak point, set a little too far back for small hands, so try one in a "
    "shop before buying if your grip is a claw rather than a palm.",
]
SPECS = [
    ("Connectivity", "2.4GHz wireless and USB cable"),
    ("Weight", "56g"),
    ("Battery life", "Up to 150 hours"),
]


def spec_page(header: str) -> str:
    rows = "".join(
        f"<div class='spec'><div class='label'>{label}</div><div class='value'>{value}</div></div>"
        for label, value in SPECS
    )
    return (
        "<html lang='en'><head><title>Featherweight mouse review</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/reviews'>Reviews</a></nav><article>"
        f"<h1>Featherweight mouse review</h1>{header}<p>{REVIEW[0]}</p>"
        f"<div class='product-specs'><div class='table'>{rows}</div></div>"
        f"<p>{REVIEW[1]}</p><p>{REVIEW[2]}</p></article></body></html>"
    )


def test_a_spec_sheet_written_as_rows_of_text_divs_inside_the_article_is_read() -> None:
    # Label / value pairs in <div>s between two paragraphs of the article are part of it.
    text = extract_article(spec_page("")).text
    assert all(paragraph in text for paragraph in REVIEW)
    assert all(label in text and value in text for label, value in SPECS)


def test_text_divs_above_the_first_sentence_of_the_article_stay_divs() -> None:
    # The byline block above the article is written the same way, but lies outside the span of the
    # article's sentences: it does not become paragraphs.
    header = (
        "<div class='meta'><div class='author'>Anna Berg</div><div class='date'>Posted 3 days ago</div></div>"
    )
    text = extract_article(spec_page(header)).text
    assert "Posted 3 days ago" not in text
    assert all(value in text for _, value in SPECS)


def test_an_article_printed_after_the_page_closes_its_document_early_is_read() -> None:
    # A header template ends with its own </body></html>; the page goes on with the article.
    paragraphs = "".join(f"<p>{text}</p>" for text in REVIEW)
    markup = (
        "<html lang='en'><head><title>Featherweight mouse review</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/reviews'>Reviews</a></nav></header></body></html>"
        f"<div class='post'><h1>Featherweight mouse review</h1>{paragraphs}</div>"
    )
    text = extract_article(markup).text
    assert all(paragraph in text for paragraph in REVIEW)


TIPS = [
    "Buying staples in bulk and storing them in jars cuts the packaging that comes home with every "
    "week's shopping, and most bulk shops let you bring your own containers to fill.",
    "A refillable bottle replaces hundreds of plastic ones a year, and most offices and stations now "
    "have taps where you can fill it for free on the way to work.",
    "Cloth produce bags weigh almost nothing, go in the wash with everything else, and replace the "
    "thin plastic bags that tear before they reach the kitchen.",
    "Composting food scraps turns a third of the household bin into soil for the garden, and many "
    "towns now collect scraps for free alongside the recycling.",
]


def test_a_class_word_that_only_says_the_layout_has_no_sidebar_does_not_remove_the_intro() -> None:
    # "sidebar-enabled--false" describes the layout's state, not a sidebar: the article's first
    # part, in a block of its own before the list of tips, stays through pre-cleaning.
    intro = (
        "Small habits add up: these are the changes that cut our household waste by half in a year, in "
        "the order we made them, with what each of them cost and how long it took to become routine."
    )
    tips = "".join(f"<div class='item'><h3>Tip {n}</h3><p>{tip}</p></div>" for n, tip in enumerate(TIPS, 1))
    tree = html.fromstring(
        "<html lang='en'><head><title>Cutting waste at home</title></head><body><section class='blog'>"
        "<div class='blog-article__main sidebar-enabled--false'>"
        f"<h1>Cutting waste at home</h1><p>{intro}</p></div>"
        f"<section class='blog-list'>{tips}</section><aside class='sidebar'><p>{TIPS[0]}</p></aside>"
        "</section></body></html>"
    )
    text = " ".join(preclean(tree).text_content().split())
    assert intro in text
    assert all(tip in text for tip in TIPS)
    assert text.count(TIPS[0]) == 1  # a real sidebar still goes


def test_a_heading_whose_anchor_id_repeats_a_boilerplate_word_of_its_text_stays() -> None:
    # Editors give every heading an id made from its words ("h-how-to-share-..."): that id says
    # nothing about the heading being a share bar.
    heading = "How to share a compost bin with your neighbours"
    markup = (
        "<html lang='en'><head><title>Cutting waste at home</title></head><body><article>"
        f"<h1>Cutting waste at home</h1><p>{TIPS[0]}</p><p>{TIPS[1]}</p>"
        f"<h2 id='h-how-to-share-a-compost-bin-with-your-neighbours'>{heading}</h2><p>{TIPS[3]}</p>"
        "</article></body></html>"
    )
    assert heading in extract_article(markup).text


def test_a_site_footer_that_outweighs_a_short_post_stays_out_of_its_body() -> None:
    # Under a short post, the footer's "about us" text can hold most of the page's paragraphs: the
    # guard keeps it through pre-cleaning, but it is still a footer, not the article.
    about = (
        "Harbourline is a full-service marketing agency helping growing businesses since 2005, with "
        "offices in twenty-five cities around the world and a team of more than four hundred people."
    )
    markup = (
        "<html lang='en'><head><title>We moved</title></head><body><article><h1>We moved</h1>"
        f"<p>{TIPS[0]}</p></article><footer><p>{about}</p><p>{about.upper()}</p></footer></body></html>"
    )
    text = extract_article(markup).text
    assert TIPS[0] in text
    assert "full-service marketing agency" not in text.lower()
