"""Choosing between the body readers: a candidate completes a body only with more of the article."""

from __future__ import annotations

from lxml import html
from newsfacet.extract import extract_article
from newsfacet.extract.choice import completes, widened, with_headings_as_prose
from newsfacet.extract.density import container_text, enclosing_blocks, linked_headings, text_blocks

_SENTENCES = [
    "The council voted on Tuesday to keep the river path open through the winter months this year.",
    "Residents had asked for the change after two storms closed the path for most of last January.",
    "Engineers said the new drainage along the eastern bank would keep the surface dry and safe.",
    "The work will cost about two million and should be finished before the first frost arrives.",
    "A second vote next spring will decide whether the path gets lighting along its whole length.",
    "Cyclists and runners said the decision was overdue, and several thanked the council in person.",
]


_POINTS = [
    "Point one: the path stays open from dawn to dusk on every day of the week, holidays included.",
    "Point two: dogs must be kept on a lead between the old mill and the footbridge near the school.",
    "Point three: volunteers will clear fallen branches after storms and report damage to the council.",
]


def _page(*, extra_sections: str = "") -> html.HtmlElement:
    """An article whose sections each hold a paragraph, a heading and a list of points."""
    intro = "".join(f"<p>{sentence}</p>" for sentence in _SENTENCES[:3])
    sections = "".join(
        f"<section><h2>Part {number}</h2><p>{sentence}</p><ul><li>{point}</li></ul></section>"
        for number, (sentence, point) in enumerate(zip(_SENTENCES[3:], _POINTS, strict=True), start=1)
    )
    return html.fromstring(
        "<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav>"
        f"<article><div class='intro'>{intro}</div>{sections}{extra_sections}</article>"
        "<aside><p><a href='/x'>Other story one about something else entirely here</a></p></aside>"
        "</body></html>"
    )


_BODY = "\n\n".join(_SENTENCES)  # what precision mode keeps: the paragraphs, not the lists


def test_the_container_of_a_partial_body_holds_the_rest_of_the_article_and_nothing_around_it() -> None:
    container = container_text(_page(), _BODY).split("\n\n")
    assert [line for line in container if line in _SENTENCES] == _SENTENCES
    assert [line for line in container if line in _POINTS] == _POINTS
    assert "Part 1" in container
    assert not any("Other story" in line or "Home" in line for line in container)


def test_a_body_whose_paragraphs_are_not_on_the_page_has_no_container() -> None:
    assert container_text(_page(), "A sentence that the page does not hold anywhere at all.") == ""


def test_a_candidate_that_holds_the_body_and_adds_prose_completes_it() -> None:
    tree = _page()
    assert completes(_BODY, container_text(tree, _BODY), text_blocks(tree))


def test_a_candidate_that_adds_only_short_lines_does_not_complete_the_body() -> None:
    labels = "".join(f"<p>Updated 2026-11-{day:02d}</p>" for day in range(1, 30))
    tree = _page(extra_sections=labels)
    body = "\n\n".join(_SENTENCES)
    candidate = "\n\n".join([*_SENTENCES, *(f"Updated 2026-11-{day:02d}" for day in range(1, 30))])
    assert not completes(body, candidate, text_blocks(tree))


def test_a_candidate_that_adds_links_to_other_stories_does_not_complete_the_body() -> None:
    others = [
        f"Another story number {n} about a different town and its own long running council dispute"
        for n in range(6)
    ]
    teasers = "".join(f"<p><a href='/s{n}'>{other}</a></p>" for n, other in enumerate(others))
    tree = _page(extra_sections=f"<div class='more'>{teasers}</div>")
    body = "\n\n".join(_SENTENCES[:2])
    candidate = "\n\n".join([*_SENTENCES[:2], *others])
    assert not completes(body, candidate, text_blocks(tree))


def test_a_larger_candidate_elsewhere_on_the_page_does_not_replace_the_body() -> None:
    tree = _page()
    body = "\n\n".join(_SENTENCES[:2])
    elsewhere = "\n\n".join(_SENTENCES[2:])
    assert not completes(body, elsewhere, text_blocks(tree))


_KETTLES = [
    (
        "The stone kettle boils a full litre in just under four minutes and keeps quiet while it works.",
        ["Quiet even at a full boil", "Holds heat for an hour", "Lid opens wide for cleaning"],
        ["Heavy when full", "Short power cord"],
    ),
    (
        "The steel kettle is the fastest we tried, though its handle grows warm after a second boil.",
        ["Fastest boil of the test", "Light and easy to pour", "Clear water gauge on both sides"],
        ["Handle gets warm", "Loud click when done"],
    ),
    (
        "The glass kettle lets you watch the water, and its filter catches scale from hard tap water.",
        ["Easy to see the water level", "Removable scale filter", "Blue light while heating"],
        ["Shows every mark of limescale", "Lid hinge feels loose"],
    ),
]
_VERDICT = "All three kettles passed our safety checks, and any of them will serve a small kitchen well."


def _review() -> tuple[html.HtmlElement, str, str]:
    """A review whose sections each hold a paragraph, then pros and cons as short list items; the
    body precision mode keeps (its paragraphs) and the text of the whole review."""
    sections = []
    lines = []
    for number, (sentence, pros, cons) in enumerate(_KETTLES, start=1):
        items = "".join(f"<li>{item}</li>" for item in pros)
        flaws = "".join(f"<li>{item}</li>" for item in cons)
        sections.append(
            f"<h2>Kettle {number}</h2><p>{sentence}</p>"
            f"<h3>Pros</h3><ul>{items}</ul><h3>Cons</h3><ul>{flaws}</ul>"
        )
        lines += [f"Kettle {number}", sentence, "Pros", *pros, "Cons", *cons]
    tree = html.fromstring(
        f"<html><body><article>{''.join(sections)}<h2>Verdict</h2><p>{_VERDICT}</p></article></body></html>"
    )
    body = "\n\n".join([*(sentence for sentence, _, _ in _KETTLES), _VERDICT])
    return tree, body, "\n\n".join([*lines, "Verdict", _VERDICT])


def test_short_lines_between_the_bodys_own_paragraphs_complete_it() -> None:
    # Pros and cons lists sit between the paragraphs precision mode kept: they are the review's own,
    # however short their lines.
    tree, body, review = _review()
    assert completes(body, review, text_blocks(tree))


def test_short_lines_only_after_the_body_do_not_complete_it() -> None:
    tree, body, _ = _review()
    labels = [f"Tested on 2026-11-{day:02d} in our kitchen" for day in range(1, 12)]
    assert not completes(body, "\n\n".join([body, *labels]), text_blocks(tree))


RESOURCES = [
    (
        "https://example.org/tide-tables",
        "The national tide tables",
        "Published every winter by the hydrographic office, the tables give the time and height of "
        "every high and low water for the year at more than two hundred ports of the coast.",
    ),
    (
        "https://example.org/harbour-guide",
        "A pilot's guide to small harbours",
        "Written by a retired harbour pilot, this guide describes the approach, the moorings and the "
        "hazards of each small harbour, with a sketch chart drawn from the pilot's own soundings.",
    ),
    (
        "https://example.org/weather-service",
        "The coastal weather service",
        "Forecasts for each stretch of the coast are updated four times a day, with the wind, the sea "
        "state and the visibility expected for the next two days and warnings of gales.",
    ),
]


def test_the_linked_headings_of_a_list_of_resources_stay_with_their_entries() -> None:
    # Precision mode drops a numbered heading whose title is a link; where it sits alone between two
    # paragraphs of the body, it is the heading of the next entry, not a box of other stories.
    entries = "".join(
        f"<h3 id='entry-{number}'>{number}. <a href='{href}' target='_blank'>{title}</a></h3>"
        f"<p>{description}</p><p>Most harbour offices keep a copy of {title.lower()} for visitors.</p>"
        for number, (href, title, description) in enumerate(RESOURCES, start=1)
    )
    markup = (
        "<html lang='en'><head><title>Where to read the sea</title></head><body><main><div class='prose'>"
        "<h1>Where to read the sea</h1><p>Before a first trip along the coast, a few sources are worth "
        f"knowing well; these are the ones the harbour masters we asked use every day.</p>{entries}"
        "</div></main></body></html>"
    )
    text = extract_article(markup).text
    order = [text.find(f"{number}. {title}") for number, (_, title, _) in enumerate(RESOURCES, start=1)]
    assert -1 not in order and order == sorted(order)


def test_a_candidate_that_adds_entries_under_linked_headings_completes_the_body() -> None:
    # A list of resources: each entry's heading links to its subject. The headings are links, yet
    # part of what the candidate adds to the body: they count as prose when readers are weighed.
    entries = [
        (
            f"https://example.org/source-{number}",
            f"Source number {number} on the sea and its harbours",
            sentence,
        )
        for number, sentence in enumerate(_SENTENCES, start=1)
    ]
    tree = html.fromstring(
        "<html><body><article>"
        + "".join(f"<h3><a href='{href}'>{title}</a></h3><p>{text}</p>" for href, title, text in entries)
        + "</article></body></html>"
    )
    body = "\n\n".join(_SENTENCES[:2])
    candidate = "\n\n".join(line for _, title, text in entries for line in (title, text))
    blocks = text_blocks(tree)
    assert not completes(body, candidate, blocks)
    assert completes(body, candidate, with_headings_as_prose(blocks, linked_headings(tree)))


_SECTIONS = [
    (
        "Why the path matters",
        [
            "The river path is the only way to cross the valley on foot without walking along the main "
            "road, and about two thousand people use it on a normal working day.",
            "Most of them are commuters walking to the station, and many are children on their way to "
            "the two schools on the far bank of the river.",
        ],
    ),
    (
        "What the work involves",
        [
            "The contractor will lay new drains under the eastern half of the path and raise the lowest "
            "stretch by about thirty centimetres, where the water collects after rain.",
            "The path will close in sections of a few hundred metres at a time, so that a way across "
            "the valley stays open to walkers during the whole of the works.",
        ],
    ),
    (
        "When it will be finished",
        [
            "The council expects the works to be finished before the first frost, weather permitting, "
            "and has asked the contractor to report on progress every fortnight.",
            "A second vote next spring will decide whether the path gets lighting along its length, "
            "which residents have asked for since the path first opened.",
        ],
    ),
]


def _builder_page() -> html.HtmlElement:
    """A page builder's page: one box per section (each with its own generated class), an offer box
    between two of them, and reviews of the site under the article."""
    sections = [
        f"<div class='box-{index:04x}'><div class='prose'><div class='text'><h2>{heading}</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</div></div></div>"
        for index, (heading, paragraphs) in enumerate(_SECTIONS, start=4000)
    ]
    offer = "<div class='offer'><a href='/plans'><p>Plan your walk with our app</p></a></div>"
    reviews = "".join(
        f"<div class='review'><p>{text}</p><span>{name}</span></div>"
        for text, name in (
            ("The most useful local news I read all week, and it is always accurate about the works.", "Ann"),
            (
                "I moved here last year and this site told me everything I needed to know about the town.",
                "Bo",
            ),
            (
                "Clear, short and to the point. I read it every morning on the train to work in the city.",
                "Cy",
            ),
        )
    )
    return html.fromstring(
        f"<html><body><main><div class='page'>{sections[0]}{offer}{sections[1]}{sections[2]}</div>"
        f"<div class='reviews'>{reviews}</div></main></body></html>"
    )


def test_a_body_found_in_one_section_box_widens_to_its_like_siblings() -> None:
    tree = _builder_page()
    heading, paragraphs = _SECTIONS[0]
    body = "\n\n".join([heading, *paragraphs])
    text = widened(body, enclosing_blocks(tree, body), text_blocks(tree), lambda text: text)
    expected = [line for heading, paragraphs in _SECTIONS for line in (heading, *paragraphs)]
    assert [line for line in text.split("\n\n") if line in expected] == expected
    assert "Plan your walk" not in text  # a link, not prose
    assert "most useful local news" not in text  # reviews: sections of another shape


def test_a_body_does_not_widen_into_blocks_of_another_shape() -> None:
    tree = _builder_page()
    body = "\n\n".join(line for heading, paragraphs in _SECTIONS for line in (heading, *paragraphs))
    assert widened(body, enclosing_blocks(tree, body), text_blocks(tree), lambda text: text) == body


def test_a_linked_heading_that_says_it_is_sponsored_is_not_an_entry() -> None:
    tree = html.fromstring(
        "<html><body><article><h3><a href='/tide-tables'>The national tide tables</a></h3>"
        "<h3><a href='https://ads.example.com/x'>Tide clocks for your boat (Sponsored)</a></h3>"
        "</article></body></html>"
    )
    assert linked_headings(tree) == frozenset({"The national tide tables"})


def test_a_container_leaves_out_the_blocks_inside_a_link() -> None:
    # An offer box wraps its text in one link: its paragraph holds no link of its own, yet it is not
    # the article's prose.
    tree = _page(extra_sections="<a href='/plans'><p>Plan your walk along the river with our app</p></a>")
    container = container_text(tree, _BODY)
    assert "Plan your walk" not in container
    assert _SENTENCES[0] in container


def test_a_sidebar_list_is_not_a_section_like_the_articles_lists() -> None:
    # Lists rarely have a class of their own: the article's and a sidebar's `<ul>` look alike, the
    # boxes that hold them do not.
    points = "".join(f"<li>{point}</li>" for point in _POINTS)
    teasers = "".join(f"<li>{sentence} More in our river guide.</li>" for sentence in _SENTENCES)
    tree = html.fromstring(
        "<html><body><div class='page'><div class='col-main'><article><div class='rte'>"
        + "".join(f"<p>{sentence}</p>" for sentence in _SENTENCES[:3])
        + f"<ul>{points}</ul></div></article></div>"
        f"<div class='col-side'><div class='blog-list'><h5>Popular</h5><ul>{teasers}</ul></div></div>"
        "</div></body></html>"
    )
    body = "\n\n".join([*_SENTENCES[:3], *_POINTS])
    assert widened(body, enclosing_blocks(tree, body), text_blocks(tree), lambda text: text) == body
