"""Where the article ends: what follows its last paragraph inside the same container.

The block an extractor keeps often runs on past the article: the author's bio, a newsletter or
demo offer, a "related posts" list, a disclosure, a "posted in" line, the sources. Such a coda
starts with a line that says what it is ("Written by", "About the author", "Related posts",
"Disclosure:", a name followed by "is a freelance writer", a contact line with an address); the
last such line near the end of the body is cut with everything after it, provided what goes is a
small part of the body. A call to action ("Sign up", "Book a demo") opens a coda only when a few
short lines at most follow it: set between two sections, it is an inserted box, not the end.
Measured on the tuning parts: WCXB F1 +0.0014, must-not snippets 68 -> 53 of 2076; AEB +0.0009.
Later (session 12) the lines that close a newsletter or a donation plea ("How was this issue?",
"Enjoyed this piece?"), a shop's "Related products", "Explore more", an owner's bio, a long "Hi,
I'm ..." and a "Contact staff writer ..." line: 5 WCXB tuning pages up by 0.001 to 0.07, none down.
"""

from __future__ import annotations

import re

from newsfacet.extract.choice import folded

__all__ = ["without_coda", "without_trailing_cards"]

# Lines that open a coda: the author's bio, a list of other pages, the post's filing.
_CODA_START = re.compile(
    r"^(?:"
    r"(?:written|posted|published|reviewed|edited) by\b[^.!?]{0,60}"
    r"|about (?:the )?authors?\b.{0,300}|(?:article|post) (?:written|reviewed) by\b.{0,80}"
    r"|(?:hi|hey|hello)(?: there)?[!,.]? i(?:'|’)?m \w+.{0,600}"
    r"|(?:related|recent|popular|similar|more)"
    r" (?:posts|articles|stories|reads|guides|news|products|content)\b.{0,40}"
    r"|(?:explore|see|discover) more(?: (?:articles|stories|posts|guides|reviews))?"
    r"|how (?:was|did you like) (?:this|today(?:'|’)?s) (?:issue|post|article|newsletter|edition)\b.{0,40}"
    r"|(?:enjoyed|liked|loved) this (?:piece|article|post|story|issue|newsletter)\b.{0,120}"
    r"|since you(?:(?:'|’)ve)? made it to the (?:bottom|end) of (?:this|the) (?:article|story|post)\b.{0,120}"
    r"|pin (?:this |it )?for later\b.{0,40}"
    r"|this (?:story|article|reporting|journalism) (?:is|was) (?:funded|supported|made possible) by\b.{0,80}"
    r"|more from\b.{0,60}|you (?:may|might) (?:also )?(?:like|enjoy|be interested)\b.{0,80}"
    r"|read more (?:posts|articles|stories) (?:by|from)\b.{0,60}"
    r"|disclosures?\s*:.{0,600}|(?:posted|filed) (?:in|under)\b[^.!?]{0,120}|tags?(?:\s*:.{0,200})?"
    r"|(?:article )?sources?\s*:?"
    r")$",
    re.IGNORECASE,
)
# Calls to action that close an article; they open a coda only when at most `_MAX_AFTER_CALL`
# paragraphs follow them, each short (`_MAX_CODA_PROSE_WORDS`) or itself part of a coda.
_CLOSING_CALL = re.compile(
    r"^(?:"
    r"(?:join|subscribe to) (?:our|my|the)\b.{0,80}|sign up\b.{0,120}|subscribe\b.{0,120}"
    r"|(?:book|request|schedule|get) (?:a|your) (?:free )?(?:demo|quote|consultation|call)\b.{0,120}"
    r"|(?:follow|connect with) (?:me|us)\b.{0,200}|get started\b.{0,80}|start (?:your )?free trial\b.{0,80}"
    r"|if you (?:enjoyed|liked|found)\b.{0,300}|want (?:more|to learn more)\b.{0,200}"
    r"|(?:learn|find out) more about\b.{0,200}|check out (?:our|these|other|more)\b.{0,200}"
    r"|not sure\b.{0,100}|ready to\b.{0,100}|have a (?:tip|question)\b.{0,200}"
    r"|support (?:our|us|\w+ and)\b.{0,200}"
    r")$",
    re.IGNORECASE,
)
_MAX_AFTER_CALL = 4
_MAX_CODA_PROSE_WORDS = 40
# The author's bio: a name, then what they do ("Jane Roe is a freelance writer who...").
_ROLES = (
    r"writers?|editor|journalist|reporter|author|contributor|columnist|correspondent|founder|co-founder"
    r"|ceo|director|analyst|expert|specialist|enthusiast|creator|photographer|marketer|strategist|consultant"
    r"|veteran|owner"
)
_OFFICES = r"cto|cmo|cfo|coo|president|executive"
_NAME = r"[A-Z][\w'’.-]*"
_IS_A = r"(?:is|was|has been)\s(?:a|an|the|our)\s(?:\S+\s){0,8}?"
_BIO = re.compile(rf"^\(?(?:{_NAME}\s){{2,3}}{_IS_A}(?i:{_ROLES})\b")
# The same, as the body's last paragraph only, where a bio is all it can be: the author may hold an
# office ("the public sector CTO"), or be named by one name when the role is held at a named place
# ("Mara is a freelance contributor to Harbour Weekly"); "Agriculture is a major contributor to the silt"
# names no place and stays.
_LAST_BIO = re.compile(
    rf"^\(?(?:(?:{_NAME}\s){{2,3}}{_IS_A}(?i:{_ROLES}|{_OFFICES})\b"
    rf"|{_NAME}\s{_IS_A}(?i:{_ROLES}|{_OFFICES})\b[^.!?]{{0,60}}?\s(?:at|to|for|of|with)\s(?:the\s)?[A-Z])"
)
_MAX_LAST_BIO_WORDS = 120
# The author's contact line: an address or a handle, and a verb asking the reader to use it.
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.\w|(?<!\w)@\w|\b(?:twitter|x|instagram|facebook)\.com/", re.IGNORECASE
)
_CONTACT_VERB = re.compile(r"^(?:contact\b|(?=\w).*?\b(?:follow|e-?mail|write to|reach)\b)", re.IGNORECASE)
# A coda is cut only when it holds at most this share of the body's words and this many paragraphs.
_MAX_CODA_SHARE = 0.2
_MAX_CODA_PARAGRAPHS = 20
# A run of teaser cards at the end of the body is cut when it holds at least this many paragraphs
# and what stays holds at least this share of the body's words (a page made of cards, a listing,
# keeps them). Measured on WCXB's tuning part: 5 pages up by 0.01 to 0.35, none down; AEB
# unchanged (a share of 0.2 to 0.45 does the same).
_MIN_TRAILING_CARDS = 3
_MIN_KEPT_SHARE = 1 / 3
_WORD = re.compile(r"\w+")


def without_coda(text: str) -> str:
    """The body without the coda after the article's last paragraph, if it has one."""
    paragraphs = text.split("\n\n")
    counts = [len(_WORD.findall(paragraph)) for paragraph in paragraphs]
    total = sum(counts)
    tail_words = 0
    cut = None
    last = len(paragraphs) - 1
    short = counts[last] <= min(_MAX_LAST_BIO_WORDS, _MAX_CODA_SHARE * total)
    if len(paragraphs) > 1 and short and _LAST_BIO.match(paragraphs[last]):
        cut = last
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 1 - _MAX_CODA_PARAGRAPHS, 0), -1):
        tail_words += counts[index]
        if tail_words > _MAX_CODA_SHARE * total:
            break
        if _opens_coda(paragraphs[index], counts[index]) or _closing_call(paragraphs[index:], counts[index:]):
            cut = index
    return text if cut is None else "\n\n".join(paragraphs[:cut])


def without_trailing_cards(text: str, card_texts: frozenset[str]) -> str:
    """The body without the teaser cards it ends with (`linklists.teaser_card_texts`): the boxes of
    other stories that follow an article in the same container, each a headline and a teaser."""
    paragraphs = text.split("\n\n")
    if not card_texts or paragraphs[-1] not in card_texts:
        return text  # the body's last paragraph is not a card: nothing to fold and compare
    cards = {folded(card) for card in card_texts}
    start = len(paragraphs)
    while start > 0 and folded(paragraphs[start - 1]) in cards:
        start -= 1
    total = len(_WORD.findall(text))
    kept = sum(len(_WORD.findall(paragraph)) for paragraph in paragraphs[:start])
    if len(paragraphs) - start < _MIN_TRAILING_CARDS or kept < _MIN_KEPT_SHARE * total:
        return text
    return "\n\n".join(paragraphs[:start])


def _opens_coda(paragraph: str, words: int) -> bool:
    """A heading or line that says the article is over: the author, other pages, filing, contact
    (a line of at most `_MAX_CODA_PROSE_WORDS` words with an address or handle)."""
    if _CODA_START.match(paragraph) or _BIO.match(paragraph):
        return True
    is_contact = _CONTACT.search(paragraph) is not None and _CONTACT_VERB.search(paragraph) is not None
    return words <= _MAX_CODA_PROSE_WORDS and is_contact


def _closing_call(paragraphs: list[str], counts: list[int]) -> bool:
    """A call to action followed by a few short lines at most (its own), not by more article."""
    if not _CLOSING_CALL.match(paragraphs[0]) or len(paragraphs) > _MAX_AFTER_CALL + 1:
        return False
    return all(
        words <= _MAX_CODA_PROSE_WORDS or _opens_coda(later, words) or _CLOSING_CALL.match(later)
        for later, words in zip(paragraphs[1:], counts[1:], strict=True)
    )
