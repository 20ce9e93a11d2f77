"""Actor recall classes the small model misses, cuts short or mistypes: an agency named "...
Administration", a firm named after a person's job, a company by its legal form, a medium named as
a source, and a parent company beside its own division or regional arm. Each runs the real
pipeline (spaCy model and gazetteer) on text written for it."""

from __future__ import annotations

from newsfacet.enrich import Enrichment
from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.organization_cues import organization_cue_mentions

from tests.unit.enrich_helpers import enriched


def actor_types(result: Enrichment) -> dict[str, str]:
    return {actor.name: actor.type for actor in result.actors}


def test_a_firm_after_a_job_is_an_organisation_and_its_regional_arm_another() -> None:
    result = enriched(
        "Bakery chain plans 150 new stores",
        "The chain will add 150 bakeries next year, said Dana Morrow, chief executive of Sunrise Foods "
        "North America, which is based in Ohio. Sunrise Foods opened 80 units this year, and Sunrise "
        "Foods expects more in Canada. Priya Rao, head of research at Vantara Securities, said the "
        "shares looked cheap. Omar Haddad, director for the Middle East and North Africa at the "
        "charity, warned of famine.",
    )
    types = actor_types(result)
    assert types.get("Sunrise Foods North America") == "organization", types
    assert types.get("Sunrise Foods") == "organization", types
    assert types.get("Vantara Securities") == "organization", types
    assert types.get("Priya Rao") == "person", types
    assert "Middle East and North Africa" not in types  # a region after a job is no employer


def test_a_company_with_a_legal_form_is_an_organisation_even_in_quotes() -> None:
    result = enriched(
        "Movers under investigation",
        'A corporate filing showed that "Quellmark Holdings Inc." has an alternate name, and '
        "customers said Harrow & Vale Ltd kept their furniture for weeks.",
    )
    types = actor_types(result)
    assert types.get("Quellmark Holdings Inc.") == "organization", types
    assert types.get("Harrow & Vale Ltd") == "organization", types


def test_a_medium_named_as_a_source_is_an_organisation() -> None:
    result = enriched(
        "Regulator looks into office start-up",
        "This comes a week after Ashford reported the start-up is the subject of a state inquiry. The "
        "company had no comment, according to the Morning Ledger, which first named the inquiry. The "
        "Evening Courier reported that the founder had left.",
    )
    types = actor_types(result)
    assert types.get("Morning Ledger") == "organization", types
    assert types.get("Evening Courier") == "organization", types


def test_a_parent_and_its_division_each_named_often_are_two_actors() -> None:
    result = enriched(
        "How Norvia Cloud runs inference at scale",
        "Norvia Cloud has led containers for years, said Mia Park, product manager at Norvia Cloud. "
        "Norvia Cloud now sells to banks. Norvia said its profit rose, and Norvia plans more data "
        "centres. Norvia shares rose, and Norvia hired staff.",
    )
    types = actor_types(result)
    assert types.get("Norvia Cloud") == "organization", types
    assert types.get("Norvia") == "organization", types


def test_an_agency_named_administration_is_an_organisation_under_its_full_name() -> None:
    result = enriched(
        "Movers under investigation",
        "News 4 reached out to the Department of Transportation. In a response, the agency said, "
        '"The Federal Rail Freight Safety Administration (FRFSA) is aware of the allegations involving '
        'the company."',
    )
    types = actor_types(result)
    assert types.get("Federal Rail Freight Safety Administration") == "organization", types


def test_militant_groups_and_defence_firms_the_model_misses_are_organisations() -> None:
    result = enriched(
        "Drone maker wins border contract",
        "Northrop Grumman and Raytheon lost the bid. The drones will watch routes used by Boko Haram, "
        "officials said, and by fighters of the Haqqani network, whose leader Sirajuddin Haqqani was "
        "named in the report.",
    )
    types = actor_types(result)
    for name in ("Northrop Grumman", "Raytheon", "Boko Haram", "Haqqani network"):
        assert types.get(name) == "organization", (name, types)
    assert types.get("Sirajuddin Haqqani") == "person", types


def test_names_after_a_plural_or_an_artists_role_are_people_whatever_the_model_says() -> None:
    result = enriched(
        "Study links music and sleep",
        "The study, by researchers Wen Li and Haruto Sato of the institute, was published on Monday. "
        "Fans cheered as rappers Lil Baby and Gunna Wunna took the stage, and the label signed rapper "
        "Young Dolph and rapper Kodak Black.",
    )
    types = actor_types(result)
    for name in ("Wen Li", "Haruto Sato", "Lil Baby", "Gunna Wunna", "Kodak Black"):
        assert types.get(name) == "person", (name, types)


def test_a_verb_opening_a_sentence_is_no_first_name_of_a_surname_named_before() -> None:
    result = enriched(
        "Gala raises funds",
        "Researchers Mara Lindqvist and Tomas Ferrer studied the results. Said Ferrer: the gala was a "
        "success. Said Jalili, the envoy, arrived later.",
    )
    names = set(actor_types(result))
    assert "Said Ferrer" not in names and "Tomas Ferrer" in names, names
    assert "Said Jalili" in names, names  # a first name, with no one else's surname


def test_an_exchange_followed_by_a_market_data_code_keeps_its_name() -> None:
    result = enriched(
        "Metals slip as dollar firms",
        "Three-month copper on the London Metal Exchange CMCU3 lost 0.4% to $5,880 a tonne, while "
        "nickel on the Shanghai Futures Exchange SNIcv1 was flat.",
    )
    assert "London Metal Exchange" in actor_types(result), actor_types(result)


def test_a_name_with_initials_listed_after_a_person_is_a_person_in_full() -> None:
    result = enriched(
        "Feather duvet blamed for cough",
        "Writing in the journal, Lena Park of Mercy Hospital and Anna Chou, Fergus TA Blair, and Ivo "
        "Stern of the Dundee Royal Infirmary said the cough had lasted months.",
    )
    assert actor_types(result).get("Fergus TA Blair") == "person", actor_types(result)


def test_a_field_a_verb_a_document_or_a_tax_status_near_a_cue_is_no_organisation() -> None:
    text = (
        "Roles include Vice President of Insurance Operations. Partner with Local Businesses to grow. "
        "Related reports include salary tables. Diets fall short, according to the Dietary Guidelines "
        "for Americans. Owners may elect to be taxed as an S Corporation. Jo Park, a manager at Vantara "
        "Securities, agreed."
    )
    found = {m.text for m in organization_cue_mentions("", text, load_gazetteer(), frozenset(), [])}
    assert found == {"Vantara Securities"}, found


def test_a_company_the_model_cuts_to_its_legal_form_keeps_its_name_and_a_state_llc_is_none() -> None:
    result = enriched(
        "Legal help for growing firms",
        "Mid-sized companies need help. At Pastore LLC, we specialize in corporate law. For legal "
        "inquiries, please contact us at Pastore LLC. (Paul Fenaroli is an Associate at Pastore LLC.) "
        "A New York LLC must publish a notice, and Your LLC needs an agent.",
    )
    names = set(actor_types(result))
    assert "Pastore LLC" in names and "LLC" not in names, names
    assert "New York LLC" not in names and "Your LLC" not in names, names


def test_a_product_named_after_its_maker_stays_a_product_beside_an_app_cue() -> None:
    result = enriched(
        "Photo frames for the living room",
        "Apple sells frames. The Apple TV app shows photos from a Mac, and Apple says the Apple TV "
        "screensaver works with shared albums. Apple also lets Apple TV owners pick an album.",
    )
    assert "Apple TV" not in actor_types(result), actor_types(result)


def test_an_employer_whose_name_runs_on_over_a_comma_is_left_to_the_model() -> None:
    text = (
        "Air should clear by Friday, said Mira Rao, a research analyst at the Pune-based Institute for "
        "Air, Water and Soil, and Dev Shah, an economist at Kestrel Partners."
    )
    found = {m.text for m in organization_cue_mentions("", text, load_gazetteer(), frozenset(), [])}
    assert found == {"Kestrel Partners"}, found


def test_parties_the_model_misses_or_cuts_are_organisations_under_their_full_name() -> None:
    result = enriched(
        "Welsh budget passes",
        "Plaid Cymru backed the bill on Tuesday, while a Reform UK candidate joined the protest outside.",
    )
    types = actor_types(result)
    assert types.get("Plaid Cymru") == "organization", types
    assert types.get("Reform UK") == "organization" and "Reform" not in types, types
