"""Boxes set into an article: a short pitch that ends in a button is a promotion, not the article;
entries of a listing, each ending in its own link, and sentences that end in a link are content."""

from __future__ import annotations

from lxml import html
from newsfacet.extract import extract_article
from newsfacet.extract.preclean import drop_button_boxes
from newsfacet.extract.treeops import paragraph_chars

_PARAGRAPHS = [
    "Choosing a heat pump starts with the size of the house and how well its walls and roof keep the "
    "warmth in during the coldest weeks of the year.",
    "An installer will measure each room, look at the windows and the insulation, and work out how "
    "much heat the house loses on a freezing night.",
    "Air-to-water pumps suit homes with radiators, while air-to-air units work best in open rooms "
    "where a single indoor unit can reach every corner.",
    "Running costs depend on the price of electricity and on the flow temperature: the lower it is, "
    "the less the pump has to work for the same comfort.",
    "Grants cover part of the cost in many regions, so it pays to check what is on offer before "
    "signing a contract with any installer.",
]
_PROMOTION = (
    "<div class='inline-panel'><div class='inline-panel__text'><h4>Planning a renovation this year?</h4>"
    "<p>Our advisers compare quotes from local installers for you.</p></div>"
    "<a class='link' href='/get-a-quote'>Get your free quote</a></div>"
)


def _article(inserted: str) -> str:
    first = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS[:3])
    rest = "".join(f"<p>{text}</p>" for text in _PARAGRAPHS[3:])
    return (
        "<html lang='en'><head><title>How to choose a heat pump</title></head><body>"
        "<main><article><h1>How to choose a heat pump</h1>"
        f"<div class='post-body'>{first}{inserted}{rest}</div></article></main></body></html>"
    )


def test_a_short_box_that_ends_in_a_button_leaves_the_body() -> None:
    text = extract_article(_article(_PROMOTION)).text
    assert "advisers compare quotes" not in text
    assert "renovation this year" not in text
    assert all(paragraph in text for paragraph in _PARAGRAPHS)


def test_a_paragraph_that_ends_in_a_link_stays() -> None:
    sentence = (
        "<div class='note'><p>The national energy agency publishes a list of approved installers "
        "for every region, <a href='/installers'>see the list</a></p></div>"
    )
    assert "national energy agency publishes" in extract_article(_article(sentence)).text


def test_entries_of_a_listing_that_each_end_in_a_link_stay() -> None:
    entries = "".join(
        f"<div class='product'><h3>Model {name}</h3><p>A quiet {size} unit rated for homes of "
        f"up to {area} square metres.</p><a href='/pumps/{name}'>View details</a></div>"
        for name, size, area in (("A", "small", 90), ("B", "mid-sized", 140), ("C", "large", 220))
    )
    tree = html.fromstring(f"<html><body><div class='grid'>{entries}</div></body></html>")
    body = tree.find("body")
    drop_button_boxes(body, paragraph_chars(body) * 10)
    assert len(tree.xpath("//div[@class='product']")) == 3


def test_a_short_post_that_ends_in_a_button_is_not_removed() -> None:
    post = (
        "<div class='post'><h2>Office closed on Friday</h2><p>Our office will be closed on Friday "
        "for the regional holiday and will open again on Monday morning as usual.</p>"
        "<a href='/contact'>Contact us</a></div>"
    )
    tree = html.fromstring(f"<html><body>{post}</body></html>")
    body = tree.find("body")
    drop_button_boxes(body, paragraph_chars(body))
    assert tree.xpath("//div[@class='post']")
