"""Actor precision on pages of sites no rule was written for: what the model reads as one actor
and is several, and what looks like an actor and is page furniture. Paragraphs written for each
class in the style of 2025-26 news sites, newsletters and blogs, run through the real pipeline."""

from __future__ import annotations

from newsfacet.enrich import enrich
from newsfacet.enrich.joined_names import joined_parts

from tests.unit.enrich_helpers import actor_names, enriched


def parts(span: str, label: str, body: str = "") -> list[str]:
    return [span[start:end] for start, end in joined_parts(span, 0, len(span), label, body)]


def test_names_joined_by_and_or_or_a_comma_are_each_an_actor() -> None:
    result = enriched(
        "Why small teams stopped running their own servers",
        "Deployment was getting dramatically simpler too. Vercel and Netlify had been around for a "
        "few years, but they really hit their stride in this era, and founders who had worked at "
        "Airbnb and Eventbrite said the change felt sudden. Connect a repository and every push "
        "triggers a preview.",
    )
    names = actor_names(result)
    assert {"Netlify", "Airbnb", "Eventbrite"} <= names
    assert not {"Vercel and Netlify", "Airbnb and Eventbrite"} & names


def test_a_name_with_and_inside_stays_one() -> None:
    assert parts("Centers for Disease Control and Prevention", "ORG") == [
        "Centers for Disease Control and Prevention"
    ]
    assert parts("Tutoring and Learning Center", "ORG") == ["Tutoring and Learning Center"]
    assert parts("Food and Water Watch", "ORG", "grow your own food") == ["Food and Water Watch"]
    assert parts("Acme, Inc.", "ORG") == ["Acme, Inc."]
    assert parts("Skadden, Arps, Slate, Meagher & Flom", "ORG") == ["Skadden, Arps, Slate, Meagher & Flom"]
    assert parts("Tinder, Bumble", "ORG") == ["Tinder", "Bumble"]
    assert parts("Dell, Lenovo and Acer", "ORG") == ["Dell", "Lenovo", "Acer"]
    # A credential or a job's initials after a person's name and a comma is no name.
    assert parts("Jane Roe, MD, RDN", "PERSON") == ["Jane Roe"]
    assert parts("Bill and Hillary Roe", "PERSON") == ["Hillary Roe"]
    assert parts("Jane Roe and John Doe", "PERSON") == ["Jane Roe", "John Doe"]


_STORY = (
    "Harbor Logistics will close its warehouse in Tacoma next spring, the company said on Tuesday. "
    "Chief executive Maria Okafor said the move would save money. Teamsters Local 117 said it would "
    "fight the closure, and Washington Governor Bob Ferguson asked the company to reconsider.\n\n"
    "Analysts at Baird said the decision reflected weak demand across the Pacific Northwest.\n\n"
)


def test_the_publishers_words_about_itself_after_the_story_name_no_actor() -> None:
    body = (
        _STORY + "(* Disclosure: Portside Media is a paid media partner of Harbor Logistics.)\n\n"
        "A message from Dana Fry, co-founder of Portside:\n\n"
        "Support our mission to keep content free. Join the Portside Insiders Circle, where leaders "
        "connect.\n\n"
        "Portside Media is a recognized leader in logistics news. Founded by Dana Fry and Lee Moss, "
        "it runs the Dockside Studios in Seattle.\n\n"
        "Sam Poe is a reporter at Portside covering ports and shipping for Freightline Weekly."
    )
    result = enrich(
        "Harbor Logistics to close Tacoma warehouse",
        body,
        language="en",
        exclude=["Portside", "portside.com", "Sam Poe"],
    )
    names = actor_names(result)
    assert {"Harbor Logistics", "Maria Okafor", "Bob Ferguson"} <= names
    assert not names & {"Dana Fry", "Lee Moss", "Portside Insiders Circle", "Dockside Studios", "Media"}
    assert not names & {"Freightline Weekly", "Portside Media"}


def test_tours_prizes_diseases_storms_and_software_are_no_actors() -> None:
    result = enriched(
        "Storm season and a prize for a clinic",
        "Hurricane Melissa forced the Carver Clinic to close for a week. Karen Wells, who runs it, "
        "said Melissa flooded the ground floor. She had just won the Hilla Marsh Prize for work "
        "on Computer Vision Syndrome and Chronic "
        "Fatigue Disorders. Staff said the Visual Studio update and the Pulse Insight Podcast kept "
        "them busy, and the Delmar Harmony Tour was postponed. Volunteers from Red Crescent "
        "Harbor helped.",
    )
    names = actor_names(result)
    assert {"Carver Clinic", "Karen Wells"} <= names
    assert not names & {
        "Hurricane Melissa",
        "Melissa",
        "Hilla Marsh Prize",
        "Computer Vision Syndrome",
        "Chronic Fatigue Disorders",
        "Pulse Insight Podcast",
        "Delmar Harmony Tour",
    }


def test_a_people_named_by_residence_religion_or_ethnicity_is_no_actor() -> None:
    result = enriched(
        "Houstonians weigh in on the new mosque",
        "Many Houstonians welcomed the plan, and Muslims and Christians in the neighbourhood held "
        "a joint dinner. Kurds who settled there in the 1990s said the Taliban had driven some of "
        "their relatives from Afghanistan. The council voted 9-2 for the permit, Mayor John "
        "Whitmire said.",
    )
    names = actor_names(result)
    assert {"Taliban", "John Whitmire"} <= names
    assert not names & {"Houstonians", "Muslims", "Christians", "Kurds"}


def test_a_verb_or_adverb_opening_a_sentence_or_a_list_item_is_no_name() -> None:
    result = enriched(
        "How to price a kitchen remodel",
        "Kitchen remodels cost more this year, said Dana Whitfield of Harborline Builders.\n\n"
        "Invest in cabinets that last.\n\n"
        "Ideally, you should get three quotes before signing.\n\n"
        "Whitfield said Harborline Builders now books jobs six months ahead.\n\n"
        "Republicans in the statehouse want a tax credit for remodels.",
    )
    names = actor_names(result)
    assert {"Dana Whitfield", "Harborline Builders", "Republican Party"} <= names
    assert not names & {"Invest", "Ideally"}


def test_a_name_ending_with_a_bodys_word_is_an_organisation_even_typed_as_a_person() -> None:
    result = enriched(
        "What hosts want in 2025",
        "Wedding budgets rose again this year, planners said. Marla Quenby Events booked twice as "
        "many tented weddings as in 2023, said Marla Quenby, its founder. Tessa Dorn of Dorn "
        "Studios said couples want smaller guest lists.",
    )
    types = {actor.name: actor.type for actor in result.actors}
    assert types.get("Marla Quenby Events") == "organization"
    assert types.get("Marla Quenby") == "person"


def test_a_name_set_before_a_kind_that_is_no_actor_names_a_thing() -> None:
    result = enriched(
        "AI coding agents struggle with a classic game",
        "Four coding agents were asked to rebuild a classic game, and the Minesweeper challenge "
        "exposed their limits. Testers timed each run with the Quillbox extension. Google said its agent "
        "would improve, and analysts expect growth across the AEC industry.",
    )
    names = actor_names(result)
    assert "Google" in names
    assert not names & {"Minesweeper", "Quillbox", "AEC"}


def test_a_photo_credit_on_its_own_line_names_no_actor() -> None:
    result = enriched(
        "Ten tech conferences to plan for in 2026",
        "Web Summit returns to Lisbon in November, and Cisco will host its own event in June.\n\n"
        "Photo Tomas Brandt on https://unsplash.com/photos/stage-lights-abc123\n\n"
        "Image: Lena Ortiz/Getty Images\n\n"
        "Photograph by Priya Nair for the organisers\n\n"
        "Cisco said it expects more than 20,000 visitors.",
    )
    names = actor_names(result)
    assert "Cisco" in names
    assert not names & {"Tomas Brandt", "Photo Tomas Brandt", "Lena Ortiz", "Priya Nair", "Getty Images"}


def test_a_piece_the_model_cut_from_a_things_name_is_no_actor() -> None:
    result = enriched(
        "A meditation record and a new supercomputer",
        "Last year the event set a Guinness World Record for the largest online meditation, its "
        "organisers said. The simulation ran on the Hazel Hen supercomputer in Stuttgart, said "
        "Marta Kowalski of Germany's Max Planck Institute, who leads the project.",
    )
    names = actor_names(result)
    assert "Marta Kowalski" in names
    assert not names & {"Guinness World", "Hazel", "Hazel Hen"}
