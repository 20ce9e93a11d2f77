"""Cleaning rules on literal pages: what never reaches the body, and what always does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from newsfacet.extract import extract_article, split_header_lines
from newsfacet.extract.body import postclean
from newsfacet.extract.errorpage import error_page_reason
from newsfacet.model import ArticleRejected, RejectionReason

STORY = [
    "The regional council voted on Monday to build a tram line linking the harbour to the university "
    "campus, ending a decade of debate.",
    "Construction is expected to start next spring and to take four years, with the first trams running "
    "between the station and the old town.",
    "Opponents argued that the money would be better spent on buses, but the plan passed with a "
    "comfortable majority after a long session.",
]


def page(*blocks: str) -> str:
    """A page whose article is STORY, with `blocks` inserted between its paragraphs and around it."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (
        "<html lang='en'><head><title>Council backs tram line</title></head><body>"
        + blocks[0]
        + f"<article><h1>Council backs tram line</h1>{paragraphs}{''.join(blocks[1:])}</article>"
        + "</body></html>"
    )


def body(*blocks: str) -> str:
    return extract_article(page(*blocks)).text


# kind -> (markup, a phrase of it that must not reach the body)
BOILERPLATE = {
    "hidden attribute": (
        "<div hidden><p>Secret promotional paragraph nobody should read.</p></div>",
        "promotional",
    ),
    "aria-hidden": (
        '<div aria-hidden="true"><p>Screen reader duplicate of a teaser.</p></div>',
        "Screen reader",
    ),
    "display none": (
        '<div style="display: none"><p>Invisible special offer for new readers.</p></div>',
        "offer",
    ),
    "dialog": ("<dialog open><p>Create a free account to continue reading.</p></dialog>", "free account"),
    "modal role": (
        '<div role="dialog"><p>Create a free account to continue reading.</p></div>',
        "free account",
    ),
    "cookie banner": (
        '<div class="cookie-notice"><p>This website uses cookies to help you.</p></div>',
        "cookies",
    ),
    "consent": ('<div class="consent-layer"><p>We and our partners process data.</p></div>', "partners"),
    "paywall": (
        '<div class="paywall-prompt"><p>Unlock unlimited access for one euro.</p></div>',
        "unlimited",
    ),
    "newsletter": (
        '<div class="newsletter-signup"><p>Get the morning briefing in your inbox.</p></div>',
        "briefing",
    ),
    "share bar": ('<ul class="social-share"><li><a>Share on Facebook</a></li></ul>', "Share on"),
    "related": (
        '<div class="related-articles"><a href="/a">Mayor resigns after budget row</a></div>',
        "Mayor",
    ),
    "read also": (
        "<h3>Read also</h3><ul><li><a href='/b'>Mayor resigns after budget row</a></li></ul>",
        "Mayor",
    ),
    "most read": (
        '<section class="most-read"><h2>Most read</h2><ol><li><a>Ferry strike</a></li></ol></section>',
        "Ferry",
    ),
    "nav": (
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics and elections coverage</a></nav>",
        "Politics",
    ),
    "footer": (
        "<footer><p>Registered office: 1 Quay Street. Company number 0123456.</p></footer>",
        "Registered",
    ),
    "ad caption": (
        '<div class="ad-slot"><span>Advertisement</span><p>Sponsored: a mattress.</p></div>',
        "Advert",
    ),
    "skip link": ('<a href="#main" class="visually-hidden-focusable">Skip to main content</a>', "Skip to"),
    "comments": (
        '<div id="comments"><p>Great article, I fully agree with the councillors!</p></div>',
        "Great article",
    ),
}


@pytest.mark.parametrize("kind", sorted(BOILERPLATE))
def test_boilerplate_never_reaches_the_body_before_or_inside_the_article(kind: str) -> None:
    markup, marker = BOILERPLATE[kind]
    for text in (body(markup), body("", markup)):
        assert marker.lower() not in text.lower()
        assert all(paragraph in text for paragraph in STORY)


def test_body_is_paragraphs_separated_by_blank_lines_without_the_headline() -> None:
    assert body("") == "\n\n".join(STORY)


def test_a_boilerplate_class_on_the_article_container_does_not_remove_the_article() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    wrapped = f"<html><body><div class='post has-share-buttons'>{paragraphs}</div></body></html>"
    assert extract_article(wrapped).text == "\n\n".join(STORY)


def test_text_written_between_line_breaks_becomes_paragraphs() -> None:
    loose = "<br><br>".join(STORY)
    text = extract_article(f"<html><body><div class='content'>{loose}</div></body></html>").text
    assert text == "\n\n".join(STORY)


def test_layout_table_with_a_navigation_column_yields_only_the_article() -> None:
    nav = "<a href='/'>Home</a><br><a href='/sport'>Sport results</a><br><a href='/obits'>Obituaries</a>"
    cell = "<br><br>".join(STORY)
    layout = f"<html><body><table><tr><td>{nav}</td><td>{cell}</td></tr></table></body></html>"
    text = extract_article(layout).text
    assert text == "\n\n".join(STORY)


def test_a_quoted_tweet_inside_a_social_embed_stays_in_the_body() -> None:
    tweet = (
        '<div class="social-embed"><blockquote class="twitter-tweet">'
        "<p>The tram is finally coming to our town, "
        "what a day for everyone who campaigned for it!</p>— Harbour Residents (@harbourfolk) "
        "<a href='https://twitter.com/x'>March 4, 2024</a></blockquote></div>"
    )
    assert "The tram is finally coming to our town" in body("", tweet)


def test_an_article_split_by_ad_rows_is_joined_in_order() -> None:
    parts = "".join(
        f"<div class='row'><div class='article-body-part'><p>{text}</p></div></div>"
        f"<div class='row'><div class='ad'>Advertisement</div></div>"
        for text in STORY
    )
    text = extract_article(f"<html><body><div class='chunks'>{parts}</div></body></html>").text
    assert text == "\n\n".join(STORY)


def test_hover_cards_do_not_repeat_inside_sentences() -> None:
    card = (
        "<p>The plan was backed by <span class='person'><a href='/p/ana'>Ana Ruiz</a>"
        "<span class='rollover-block'><a>Ana Ruiz</a> Latest: Ana Ruiz opens the new harbour bridge</span>"
        "</span>"
        ", the transport councillor, after a long negotiation with the unions and the operators.</p>"
    )
    assert "Ana Ruiz, the transport councillor" in body("", card)
    assert "opens the new harbour bridge" not in body("", card)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Skip to main content",
        "Share this article",
        "Read more: Mayor resigns after budget row",
        "Sign up for our daily newsletter to get the news first",
        "© 2024 Coast Herald Ltd",
        "All rights reserved.",
        # image credits, alone or ending a caption
        "Photo credit: ©Stockhouse/harbourcam",
        "Images used under licence from a picture agency",
        "The old quay at dawn (Photo: Coast Herald archive)",
        "The new ferry in dry dock. Photo by: 'Ana Ruiz'.",
        # the label of a table of contents whose links are gone
        "Table of Contents",
        "In this article:",
        # a pager's position
        "Page 1 of 8",
        # buttons and notices of scripts the page runs
        "Read More",
        "View all »",
        "This slideshow requires JavaScript.",
        "Please enable JavaScript to view this form.",
        # the heading of a comment form whose fields are gone
        "Tell us what YOU think...",
    ],
)
def test_postclean_drops_interface_lines(line: str) -> None:
    assert postclean(f"{STORY[0]}\n{line}\n{STORY[1]}") == f"{STORY[0]}\n\n{STORY[1]}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers who subscribe to the council's newsletter were told about the vote a week before.",
        "Read more widely than the syllabus asks, the tutor said, and the exam will take care of itself.",
        "The old booking page requires JavaScript, which the library's public computers keep switched off.",
    ],
)
def test_postclean_keeps_sentences_that_merely_mention_interface_words(sentence: str) -> None:
    assert postclean(sentence) == sentence


def test_byline_and_date_lines_leave_the_body_and_name_the_author() -> None:
    text, authors = split_header_lines(
        "By Ruth Castellano, Gazette staff writer\n\nMarch 3, 2004\n\n" + STORY[0]
    )
    assert text == STORY[0]
    assert authors == ["Ruth Castellano"]


@pytest.mark.parametrize(
    ("title", "body_text"),
    [
        ("404 - Page not found", "Sorry."),
        ("Page not found | Coast Herald", "Try the search box."),
        ("Coast Herald", "The page you are looking for may have been moved or deleted. Check the address."),
        ("Just a moment...", "Checking your browser before accessing the site."),
    ],
)
def test_error_pages_are_recognised(title: str, body_text: str) -> None:
    assert error_page_reason(title, [], body_text) is not None


def test_an_article_about_errors_is_not_an_error_page() -> None:
    assert error_page_reason("Missing hiker found safe after 404 hours", [], " ".join(STORY)) is None
    assert error_page_reason("Error 404: why the web forgets", [], " ".join(STORY * 20)) is None


def test_error_page_check_reads_a_word_count_counted_before() -> None:
    # The caller's count stands for the body's: a short error text counted as a long body is an article.
    assert error_page_reason("Page not found", [], "Sorry.", word_count=1) is not None
    assert error_page_reason("Page not found", [], "Sorry.", word_count=500) is None


def test_error_page_is_rejected_as_such() -> None:
    with pytest.raises(ArticleRejected) as caught:
        extract_article(
            "<html><head><title>Page not found</title></head><body><h1>Oops!</h1>"
            "<p>The page you requested could not be found.</p></body></html>"
        )
    assert caught.value.reason is RejectionReason.ERROR_PAGE


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ("Just some plain text, not a web page at all, even if it is rather long.", RejectionReason.NOT_HTML),
        ('{"title": "JSON is not HTML"}', RejectionReason.NOT_HTML),
        ("<html><body><p>Too short.</p></body></html>", RejectionReason.NO_ARTICLE_BODY),
        ("<html><body><nav><a>Home</a></nav></body></html>", RejectionReason.NO_ARTICLE_BODY),
    ],
)
def test_non_articles_are_rejected_with_a_reason(document: str, reason: RejectionReason) -> None:
    with pytest.raises(ArticleRejected) as caught:
        extract_article(document)
    assert caught.value.reason is reason


def test_an_article_hidden_behind_an_open_overlay_is_still_extracted() -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    overlaid = (
        "<html><body><div role='dialog' aria-modal='true'><p>Accept cookies to continue.</p></div>"
        f"<div id='page' aria-hidden='true'><article>{paragraphs}</article></div></body></html>"
    )
    text = extract_article(overlaid).text
    assert text == "\n\n".join(STORY)


# A class word or tag is evidence, weighed against the text the element holds.
ARTICLE_CONTAINERS = {
    "a site that wraps the whole page in <nav>": "<nav class='site'>{article}</nav>",
    "an article shown in a modal": "<div class='modal article-modal' role='dialog'>{article}</div>",
    "component classes (cmp-)": "<div class='cmp-container'><div class='cmp-text'>{article}</div></div>",
    "a read-more wrapper around the second half": "<div class='readmore-wrapper'>{article}</div>",
    "a button left unclosed before the article": "<button class='menu-button'>Menu {article}",
}


@pytest.mark.parametrize("kind", ARTICLE_CONTAINERS)
def test_an_article_named_like_boilerplate_is_still_the_article(kind: str) -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    article = f"<h1>Council backs tram line</h1>{paragraphs}"
    share_bar = (
        "<div id='sharing-buttons'><a href='/f'>Share on Facebook</a> <a href='/t'>Share on X</a></div>"
    )
    markup = (
        "<html lang='en'><head><title>Council backs tram line</title></head><body>"
        + share_bar
        + ARTICLE_CONTAINERS[kind].format(article=article)
        + "</body></html>"
    )
    text = extract_article(markup).text
    assert all(paragraph in text for paragraph in STORY)
    assert "Share on Facebook" not in text


def test_a_consent_wall_is_removed_even_when_it_outweighs_the_teaser() -> None:
    wall = (
        "<div class='consent-wall' role='dialog' aria-modal='true'><p>"
        + "We and our partners store and access information on your device such as cookies. " * 6
        + "</p></div>"
    )
    with pytest.raises(ArticleRejected) as rejected:
        extract_article(
            f"<html><body>{wall}<div><h1>Tram line</h1><p>The council voted.</p></div></body></html>"
        )
    assert rejected.value.reason is RejectionReason.NO_ARTICLE_BODY


def test_when_precision_mode_keeps_too_little_the_default_mode_gives_the_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    more = "The first trams will carry passengers between the harbour and the campus every ten minutes."
    full = "\n".join([*STORY, more])

    def modes(tree: object, url: object = None, options: object = None) -> str:
        return STORY[0] if getattr(options, "focus", "") == "precision" else full

    monkeypatch.setattr(trafilatura, "extract", modes)
    text = extract_article(page("")).text
    assert STORY[2] in text
    assert more in text


def test_a_german_kicker_headline_and_byline_do_not_open_the_body() -> None:
    story = [
        "Der Stadtrat hat am Montag den Bau einer Straßenbahn beschlossen, die den Hafen mit der "
        "Universität verbindet und zehn Jahre Streit beendet.",
        "Die Arbeiten sollen im Frühjahr beginnen und vier Jahre dauern, sagte die Bürgermeisterin.",
    ]
    markup = (
        "<html lang='de'><head><title>Stadtrat beschließt Straßenbahn</title></head><body><article>"
        "<p>Verkehr</p><h1>Stadtrat beschließt Straßenbahn</h1><p>Von Julia Becker · 3 Min.</p>"
        + "".join(f"<p>{text}</p>" for text in story)
        + "</article></body></html>"
    )
    result = extract_article(markup)
    assert result.text.startswith(story[0])
    assert result.metadata.authors == ["Julia Becker"]


def test_the_densest_prose_block_beats_a_short_box_the_extractor_settled_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: "Key points: trams are coming.")
    text = body("")
    assert all(paragraph in text for paragraph in STORY)


def test_sections_and_lists_precision_mode_drops_stay_when_the_dense_block_holds_them() -> None:
    # A how-to page without <article>: precision mode keeps the opening and closing paragraphs but
    # drops the list of points and the headings between them; the densest prose block holds it all.
    points = [
        ("Shared routes", "the van leaves at five in the morning and reaches every shop before cafes open."),
        ("Lower costs", "each bakery pays for its own stops only, as the owners agreed in the winter."),
        ("Fresher bread", "loaves spend less time on the road, because the route avoids the ring road."),
        ("Fewer emissions", "one van replaces five, and the council offers a grant for an electric one."),
    ]
    section = (
        "The driver starts at the largest bakery, which bakes through the night and has room for the van.",
        "From there the van follows the river, stopping at each bakery in turn, and ends at the market.",
    )
    markup = (
        "<html lang='en'><head><title>Bakeries share a van</title></head><body>"
        "<header><a href='/'>Valley News</a></header><section><div><div><div></div><div>"
        + "".join(f"<p>{text}</p>" for text in STORY)
        + "<h3>What changed:</h3><ul>"
        + "".join(f"<li><strong>{name}</strong>: {text}</li>" for name, text in points)
        + "</ul><h2>How the route works</h2>"
        + "".join(f"<p>{text}</p>" for text in section)
        + "</div></div></div></section><footer><p>Valley News, 2026</p></footer></body></html>"
    )
    text = extract_article(markup).text
    assert all(f"{name}: {point}" in text for name, point in points)
    assert "How the route works" in text
    assert all(paragraph in text for paragraph in (*STORY, *section))
    assert "Valley News" not in text


def test_an_article_built_of_many_small_cmp_components_keeps_every_part() -> None:
    # Component frameworks prefix every block with "cmp-" (a component, not a consent manager): no
    # single component holds enough of the page for the size guard to protect it.
    parts = [
        *STORY,
        "The first section of track will run along the harbour road, where the old freight line once ran.",
        "Shops on the route will receive compensation for the months when the road is closed to traffic.",
        "The council will publish the timetable for the works once the contracts have been signed.",
    ]
    kinds = ["hero__description", "text", "teaser__content", "text", "accordion__panel", "text"]
    components = "".join(
        f"<div class='cmp-{kind}'><p>{text}</p></div>" for kind, text in zip(kinds, parts, strict=True)
    )
    markup = (
        "<html lang='en'><head><title>Council backs tram line</title></head><body>"
        "<div class='cmp-header'><a href='/'>Home</a></div><main><h1>Council backs tram line</h1>"
        + components
        + "</main></body></html>"
    )
    text = extract_article(markup).text
    assert all(part in text for part in parts)


@pytest.mark.parametrize(
    ("title", "words", "is_error"),
    [
        ("Page not found", 149, True),  # an error title and a short body
        ("Page not found", 399, True),  # an error title, a longer body holding an error message
        ("Page not found", 400, False),  # a page this long is an article, whatever it says
        ("Coast Herald", 149, True),  # an error message in a short body, under any title
        ("Coast Herald", 150, False),
    ],
)
def test_the_length_of_a_page_decides_how_much_an_error_message_counts(
    title: str, words: int, is_error: bool
) -> None:
    message = "The page you are looking for may have been moved."
    filler = " ".join(["harbour"] * (words - len(message.split())))
    assert (error_page_reason(title, [], f"{message} {filler}") is not None) == is_error


def _recorded_modes(
    monkeypatch: pytest.MonkeyPatch, answer: Callable[[Any], str | None]
) -> list[tuple[str, bool]]:
    """trafilatura's extract replaced by `answer`; the (focus, fast) of each call made, in order."""
    import trafilatura

    calls: list[tuple[str, bool]] = []

    def recorded(tree: object, url: object = None, options: Any = None) -> str | None:
        calls.append((options.focus, options.fast))
        return answer(options)

    monkeypatch.setattr(trafilatura, "extract", recorded)
    return calls


def test_trafilatura_skips_its_fallback_comparison_when_its_body_agrees_with_the_densest_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recorded_modes(monkeypatch, lambda options: "\n".join(STORY))
    text = extract_article(page("")).text
    assert STORY[2] in text
    assert calls[0] == ("precision", True)
    assert ("precision", False) not in calls


def test_when_the_fast_precision_pass_keeps_too_little_the_full_pass_gives_the_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    more = "The first trams will carry passengers between the harbour and the campus every ten minutes."
    full = "\n".join([*STORY, more])
    calls = _recorded_modes(monkeypatch, lambda options: STORY[0] if options.fast else full)
    text = extract_article(page("")).text
    assert calls[:2] == [("precision", True), ("precision", False)]
    assert more in text
