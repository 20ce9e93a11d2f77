"""HTML text -> lxml tree, refusing text that is not a web page at all."""

from __future__ import annotations

import re

from lxml import etree, html

from newsfacet.model import ArticleRejected, RejectionReason

__all__ = ["looks_like_html", "parse_html"]

# A web page names at least one of these structural or text elements near its start.
_HTML_MARKER = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|article|main|section|div|p|h[1-6]|table|span|br)[\s>/]",
    re.IGNORECASE,
)
_SNIFF_CHARS = 64 * 1024
# lxml refuses unicode input that carries an XML encoding declaration, and characters XML forbids.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Some pages close the document early (a header template that ends with its own `</body></html>`)
# and print the article after it; the parser drops what follows. Every end tag of the two goes: the
# parser closes both at the end of the text anyway.
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)

_PARSER = html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
# Every element an `HtmlElement`, chosen in C: lxml.html's own lookup calls back into Python for
# each element the cleaning touches (~1.2 million calls over the WCXB pages) only to give form
# fields their own classes, which nothing here uses.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement,
        comment=html.HtmlComment,
        pi=html.HtmlProcessingInstruction,
        entity=html.HtmlEntity,
    )
)


def looks_like_html(text: str) -> bool:
    """True when the text contains HTML markup, not just plain text, JSON or a feed."""
    return _HTML_MARKER.search(text[:_SNIFF_CHARS]) is not None


def parse_html(text: str) -> html.HtmlElement:
    """Parse a whole page. Raises `ArticleRejected(NOT_HTML)` for text without HTML markup."""
    if not looks_like_html(text):
        raise ArticleRejected(RejectionReason.NOT_HTML, "no HTML markup found")
    cleaned = _DOCUMENT_END.sub("", _XML_ILLEGAL.sub("", _XML_DECLARATION.sub("", text, count=1)))
    try:
        tree = html.document_fromstring(cleaned, parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise ArticleRejected(RejectionReason.NOT_HTML, f"unparseable HTML: {error}") from None
    if not isinstance(tree, html.HtmlElement):
        raise ArticleRejected(RejectionReason.NOT_HTML, "no HTML document element")
    return tree
