"""A one-word place the gazetteer does not know, which the text sets as a place again and again
("troops in al-Qaim", "at al-Qaim", "the al-Qaim camp"), though the model calls it a person (session
16, s16-places). A person's name set once after "according to" stays a person. A story written in
the style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from tests.unit.enrich_helpers import actor_names, enriched, places

OUTPOST_STORY = (
    "Some 150 soldiers remain at the Zawiyat outpost, according to Haddad, a local commander. The "
    "troops in Zawiyat guard a desert crossing used by smugglers.\n\n"
    "Aid convoys have not reached the Zawiyat camp since March, and families in Zawiyat say food "
    "is running out. Haddad said his men would stay at Zawiyat until the road reopened."
)


def test_a_name_set_as_a_place_again_and_again_is_a_place_not_a_person() -> None:
    result = enriched("Families trapped at desert outpost", OUTPOST_STORY)
    assert places(result)["Zawiyat"][0] == "area"
    assert "Zawiyat" not in actor_names(result)
    assert "Haddad" not in places(result)  # named once after "according to": still a person


def test_a_name_set_before_a_settlement_noun_is_a_place_though_named_once() -> None:
    result = enriched(
        "Minister visits settlements",
        "The prime minister visited the Gush Etzion settlement bloc south of Jerusalem on Tuesday "
        "and promised new housing.",
    )
    assert places(result)["Gush Etzion"][0] == "area"
    assert "Gush Etzion" not in actor_names(result)


def test_a_town_of_several_words_the_gazetteer_lacks_is_a_place_after_a_place_word() -> None:
    result = enriched(
        "Family of missing teen speaks out",
        "The family later moved to North Brandon, a town of 9,000 people near the Mississippi "
        "border, where the girl started high school last year.",
    )
    assert places(result)["North Brandon"][0] == "area"
    assert "North Brandon" not in actor_names(result)


def test_a_workplace_set_after_at_and_to_that_speaks_is_no_place() -> None:
    result = enriched(
        "Engineer leaves for rival",
        "Before joining the startup, Roe worked at Zoox and at Rivian. Sources close to Zoox said "
        "talks stalled, and Zoox declined to comment. Roe said she moved to Zoox in 2019.",
    )
    assert "Zoox" not in places(result)
