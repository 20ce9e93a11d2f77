"""Look-alikes of actors on 2025-26 web pages (tech coverage, newsletters, blogs, transcripts):
products named with versions or product words, acronyms of common nouns, cross-headings, speaker
labels, story links and the publisher's own brands. Sentences written for each rule in the style of
such pages; the pure rules are tested alone and through the real pipeline (spaCy and gazetteer)."""

from __future__ import annotations

from newsfacet.enrich import enrich
from newsfacet.enrich.credits import exclusion_keys, is_excluded
from newsfacet.enrich.mentions import Mention
from newsfacet.enrich.name_shapes import (
    common_noun_acronyms,
    has_common_determiner,
    is_capitalised_modifier,
    is_job_title,
)
from newsfacet.enrich.page_lines import is_heading, page_lines
from newsfacet.enrich.place_ellipsis import split_place_ellipses
from newsfacet.enrich.product_evidence import category_lists, has_product_evidence, versioned_names
from newsfacet.enrich.web_mentions import publisher_brands

from tests.unit.enrich_helpers import actor_names, enriched


def evidence(text: str, name: str) -> bool:
    start = text.index(name)
    return has_product_evidence(text, start, start + len(name), category_lists(text))


def test_a_version_number_or_a_product_word_makes_a_name_a_product() -> None:
    assert evidence("Testers found that Quillon-4 wrote cleaner code.", "Quillon-4")
    assert evidence("Brightloom's Quillon 2.5 Pro failed the task.", "Quillon")
    assert evidence("The Nimbra tool merges the outputs.", "Nimbra")
    assert evidence("Patients on the drug Veltrazine lost weight.", "Veltrazine")
    assert evidence("assistants like Halvard's Quillon, Corvex and Nimbra were tested", "Corvex")
    # A maker owns what follows it; a company acting has no product word around it.
    assert not evidence("assistants like Halvard's Quillon were tested", "Halvard")
    assert not evidence("Brightloom hired 40 engineers in Leeds.", "Brightloom")
    assert versioned_names("Brightloom's Quillon 2.5 and Corvex-3 led.") == {13: "Quillon", 29: "Corvex"}


def test_products_are_no_actors_and_their_makers_stay() -> None:
    result = enrich(
        "Coding assistants put to the test",
        "Testers asked four models to build a chess game. The publication tested models like "
        "Brightloom’s Quillon 2.5 Sonnet, Halvard’s Corvex Advanced and Nordvik’s Vesta 3.1 against "
        "the task. Brightloom’s Quillon 2.5 Sonnet finished first, while Halvard’s Corvex Advanced "
        "stalled twice. Vesta’s output was poor. Brightloom said it was pleased, and Halvard "
        "promised a fix within a month.",
        language="en",
    )
    names = actor_names(result)
    assert {"Brightloom", "Halvard", "Nordvik"} <= names
    assert not names & {"Quillon", "Corvex Advanced", "Vesta"}


def test_an_acronym_written_in_the_plural_or_spelled_out_in_lower_case_is_a_common_noun() -> None:
    text = "Most LLMs fail. The gross merchandise value (GMV) rose, and the WHO said the NTSB agreed."
    assert common_noun_acronyms(text) == frozenset({"LLM", "GMV"})
    result = enrich(
        "Why chatbots still guess",
        "Researchers at Halvard University found that an LLM trained on song lyrics picks odd answers. "
        "LLMs learn correlations between words, said Priya Natarajan, who led the study. The gross "
        "merchandise value (GMV) of the sector rose. That GMV figure surprised Natarajan.",
        language="en",
    )
    names = actor_names(result)
    assert {"Halvard University", "Priya Natarajan"} <= names
    assert not names & {"LLM", "GMV"}


def test_an_acronym_after_a_or_an_that_ends_its_noun_phrase_is_a_common_noun() -> None:
    text = "She ordered an ECG. A CRM for clinics helps, an FBI agent said, and a NASA probe flew."
    assert common_noun_acronyms(text) == frozenset({"ECG", "CRM"})
    result = enrich(
        "What a heart scan can miss",
        "Cardiologists at Northfield Medical Center say an ECG is not enough. Each patient had an "
        "ECG, and Omar Reyes, who led the study, said the ECG missed one case in five. The NIH "
        "funded the work, and a NIH panel will review it.",
        language="en",
    )
    names = actor_names(result)
    assert {"Northfield Medical Center", "Omar Reyes"} <= names
    assert "ECG" not in names


def test_an_acronym_whose_title_case_expansion_names_a_thing_is_no_actor() -> None:
    text = (
        "Priya Raman, who leads research at Halvard Labs, said agents now speak the Model Context "
        "Protocol (MCP). She calls her own design Joint Signal Architecture, or JSA.\n\n"
        "The Federal Bureau of Investigation (FBI) and the National Institutes of Health (NIH) "
        "already use it, Raman said."
    )
    assert common_noun_acronyms(text) == frozenset({"MCP", "JSA"})
    names = actor_names(enrich("Agents get a common protocol", text, language="en"))
    assert {"Priya Raman", "Halvard Labs"} <= names
    assert not names & {"MCP", "JSA"}


def test_an_acronym_after_a_determiner_of_common_nouns_is_no_actor() -> None:
    text = "Set up your CRM first. That EHR cut waiting times, the FBI said, noting that NIH agreed."
    assert has_common_determiner(text, text.index("CRM"))
    assert has_common_determiner(text, text.index("EHR"))
    assert not has_common_determiner(text, text.index("FBI"))
    assert not has_common_determiner(text, text.index("NIH"))
    result = enrich(
        "Clinics go digital",
        "Halvard Clinics moved its records to a new EHR last spring, said Jane Roe, its director. That "
        "EHR cut waiting times, and Halvard Clinics now plans to add a second site, Roe said.",
        language="en",
    )
    names = actor_names(result)
    assert {"Halvard Clinics", "Jane Roe"} <= names
    assert "EHR" not in names


def test_a_title_case_line_without_a_sentence_end_is_a_heading() -> None:
    assert is_heading("Wider Lessons for Product Teams")
    assert is_heading("What Comes Next in Coding Assistants?")
    assert not is_heading("Teachers say the plan will fail.")
    assert not is_heading("Assistants now write most of the boilerplate")
    assert not is_heading("Brightloom")


def test_names_found_only_in_headings_labels_or_story_links_are_no_actors() -> None:
    body = (
        "Halvard opened an office in Leeds on Monday, said Priya Natarajan, its chief executive.\n\n"
        "Wider Lessons for Product Teams\n\n"
        "Natarajan said Halvard would hire 40 engineers.\n\n"
        "JANE ROE, HOST:\n\n"
        "UNIDENTIFIED GROUP #1: (Chanting) Hire us.\n\n"
        "Also read: Corvex Labs raises $20 million from Northfield Partners"
    )
    lines = page_lines(body)
    heading = body.index("Wider Lessons")
    assert lines.in_heading(heading, heading + len("Wider Lessons"))
    assert lines.in_label(body.index("HOST"), body.index("HOST") + 4)
    names = actor_names(enrich("Halvard expands in Leeds", body, language="en"))
    assert {"Halvard", "Priya Natarajan"} <= names
    furniture = {"Wider Lessons for Product Teams", "HOST", "UNIDENTIFIED GROUP", "Northfield Partners"}
    assert not names & furniture


def test_a_cross_heading_joined_by_and_is_no_actor() -> None:
    text = "Tessaro says the cabin is roomy.\n\nComfort and Connectivity\n\nTessaro fits a larger screen."
    start = text.index("Comfort")
    assert page_lines(text).in_heading(start, start + len("Comfort and Connectivity"))
    assert not page_lines(text).in_heading(0, len("Tessaro"))
    names = actor_names(enriched("Tessaro shows its new estate car", text))
    assert "Comfort and Connectivity" not in names
    assert "Tessaro" in names
    heading = "Ridley Moving & Storage\n\nThe firm, run by Ana Ridley, moves offices across Ohio."
    assert "Ridley Moving & Storage" in actor_names(enriched("Best movers in Ohio", heading))


def test_a_title_case_phrase_the_body_also_writes_in_lower_case_is_no_actor() -> None:
    body = (
        "Small firms now spend more on social media than on print, said Dana Whitfield, who runs "
        "Harborline Studio in Tacoma.\n\n"
        "Social Media First\n\n"
        "Social Media budgets doubled last year, Whitfield said, and Harborline Studio hired two "
        "people for content marketing. Content Marketing now brings in a third of its work."
    )
    names = actor_names(enriched("Why small firms bet on social media", body))
    assert {"Dana Whitfield", "Harborline Studio"} <= names
    assert not names & {"Social Media", "Content Marketing", "Social Media First"}


def test_an_author_box_that_opens_with_the_authors_name_is_no_part_of_the_story() -> None:
    body = (
        "Guided breathing lowers blood pressure in older adults, a trial at Kestrel Health in Leeds "
        "found. Its lead researcher, Omar Reyes, said the effect lasted for months.\n\n"
        "The trial enrolled 400 patients, and Kestrel Health plans a second one in Leeds next year, "
        "Reyes said. Patients who kept up the practice slept better too.\n\n"
        "Dana Whitfield is a physician in Tacoma and teaches at Harborline College.\n\n"
        "Readers can send questions about breathing and sleep to the health desk."
    )
    result = enrich(
        "Breathing your way to lower blood pressure", body, language="en", exclude=["Dana Whitfield"]
    )
    assert {"Kestrel Health", "Omar Reyes"} <= actor_names(result)
    assert "Harborline College" not in actor_names(result)
    assert "Leeds" in {location.name for location in result.locations}
    assert "Tacoma" not in {location.name for location in result.locations}


STATION_STORY = (
    "Since KLTV 4's first report, a new source has contacted KLTV 4.\n\n"
    "TYLER, Texas (KLTV) -- A consumer investigation into a Tyler roofing company has led more "
    "customers to come forward, said Jane Roe, a homeowner.\n\n"
    "After not answering KLTV 4's calls, the owner, John Doe, told KLTV 4 that Apex Roofing had done "
    "nothing wrong. Apex Roofing is now under investigation by the Texas attorney general."
)


def test_a_heading_that_names_an_institution_names_an_actor() -> None:
    body = (
        "Online degrees have grown fast, and tuition varies widely.\n\n"
        "Northfield State University\n\n"
        "Its online programme costs less than most and enrols 20,000 students.\n\n"
        "Wider Lessons for Product Teams\n\n"
        "Students say flexibility matters most."
    )
    names = actor_names(enrich("The best online colleges", body, language="en"))
    assert "Northfield State University" in names
    assert "Wider Lessons for Product Teams" not in names


def test_the_publishers_call_sign_and_its_name_written_apart_are_no_actors() -> None:
    publisher = ["KLTV4 East Texas", "kltv4et.com", "kltv4et"]
    credits, compact = publisher_brands(STATION_STORY, publisher)
    assert "kltv" in credits
    assert "kltv4" in compact
    names = actor_names(enrich("Roofer under investigation", STATION_STORY, language="en", exclude=publisher))
    assert {"Jane Roe", "John Doe", "Apex Roofing"} <= names
    assert not names & {"KLTV", "KLTV 4"}


def test_a_name_used_as_a_tool_is_a_product() -> None:
    assert evidence("a puzzle game written using Pyglass, with sound", "Pyglass")
    assert not evidence("a puzzle game written using Halvard's library", "Halvard")
    result = enrich(
        "Four assistants build a game",
        "Each assistant was asked to write a puzzle game using Rustle, with a window drawn using "
        "Pyglass. Halvard’s entry failed. Halvard said a fix was coming, and Brightloom declined to "
        "comment.",
        language="en",
    )
    names = actor_names(result)
    assert {"Halvard", "Brightloom"} <= names
    assert "Pyglass" not in names


def test_the_authors_bio_after_the_article_names_no_actor() -> None:
    body = (
        "Researchers at Halvard University say assistants guess. Brightloom disagreed, said Priya "
        "Natarajan, who led the study at Halvard University.\n\n"
        "Natarajan added that more work was needed.\n\n"
        "Jane Roe\n\n"
        "Senior Editor at Example Daily. Formerly with Northfield Weekly and Corvex Media, a keen cyclist."
    )
    names = actor_names(enrich("Why assistants still guess", body, language="en", exclude=["Jane Roe"]))
    assert {"Halvard University", "Priya Natarajan"} <= names
    assert not names & {"Example Daily", "Northfield Weekly", "Corvex Media", "Jane Roe"}


def test_a_job_title_in_title_case_is_no_actor() -> None:
    assert is_job_title("Managing Principal")
    assert is_job_title("Chief AI Scientist")
    assert is_job_title("Senior Vice President")
    assert not is_job_title("Northfield Partners")
    assert not is_job_title("Halvard Design")
    assert not is_job_title("Director")
    result = enrich(
        "Design firms try assistants",
        "Assistants will not replace architects, said Jane Roe, Managing Principal at Halvard Design. "
        "Roe said Halvard Design would keep hiring.",
        language="en",
    )
    names = actor_names(result)
    assert {"Jane Roe", "Halvard Design"} <= names
    assert "Managing Principal" not in names


def test_a_capitalised_modifier_opening_a_sentence_is_no_actor() -> None:
    assert is_capitalised_modifier("Additional")
    assert is_capitalised_modifier("Originally")
    assert not is_capitalised_modifier("Halvard")
    assert not is_capitalised_modifier("Nepal")
    body = (
        "Customers of Acme Movers say their quotes doubled on move day, said Jane Roe, a lawyer.\n\n"
        "Additional customers that spoke with the station say they, too, chose Acme Movers because "
        "they were quoted a cheap price."
    )
    names = actor_names(enrich("Movers accused of price hikes", body, language="en"))
    assert {"Acme Movers", "Jane Roe"} <= names
    assert "Additional" not in names


def test_two_places_named_by_ellipsis_are_each_a_place() -> None:
    known = {"South America", "North Carolina", "South Carolina"}
    mention = Mention(text="Central and South America", label="LOC", position=0.2, in_title=False)
    assert [m.text for m in split_place_ellipses([mention], known.__contains__)] == ["South America"]
    both = Mention(text="North and South Carolina", label="GPE", position=0.1, in_title=False)
    assert [m.text for m in split_place_ellipses([both], known.__contains__)] == [
        "North Carolina",
        "South Carolina",
    ]
    result = enrich(
        "Bakery chain looks south",
        "Halvard Bakeries wants to grow in Mexico, Central and South America next year, its chief "
        "executive, Jane Roe, said on Monday.",
        language="en",
    )
    assert "South America" in {location.name for location in result.locations}


def test_a_credited_newsroom_named_after_a_state_leaves_the_states_bodies_actors() -> None:
    keys = exclusion_keys(["The Texas Newsroom", "Reuters Staff", "FRANCE 24 with wires"])
    assert {"texas newsroom", "reuters", "france 24"} <= keys
    assert not is_excluded("texas legislature", keys)
    result = enrich(
        "Teachers rally against vouchers",
        "The Texas Legislature is holding a special session this week, and teachers rallied in "
        "Austin against a vouchers bill, said Jane Roe, a teacher.",
        language="en",
        exclude=["NPR", "The Texas Newsroom"],
    )
    assert "Texas Legislature" in actor_names(result)


def test_software_ai_models_and_tech_acronyms_are_no_actors() -> None:
    result = enrich(
        "How a Leeds agency rebuilt its site",
        "Kestrel Digital, a design agency in Leeds, rewrote its booking site last year. ChatGPT "
        "drafted the first pages, Claude checked the copy, and Python scripts moved the old data, "
        "said Omar Reyes, who runs the agency. The new UI loads faster, and SEO traffic doubled. "
        "Kubernetes now runs the servers, while WordPress still hosts the blog. Halvard Bank, "
        "its first client, saw bookings rise, Reyes said.",
        language="en",
    )
    names = actor_names(result)
    assert {"Kestrel Digital", "Omar Reyes", "Halvard Bank"} <= names
    assert not names & {"ChatGPT", "Claude", "Python", "UI", "SEO", "Kubernetes", "WordPress"}


def test_companies_the_model_misses_or_takes_for_places_are_organisations() -> None:
    result = enrich(
        "Nvidia and Netflix lift the market",
        "Shares of Nvidia rose 4% on Tuesday after the chipmaker raised its forecast, and Netflix "
        "gained after it added 9 million subscribers. Cisco slipped. Analysts at Harbor Lane "
        "Capital said Netflix could keep growing in Brazil.",
        language="en",
    )
    names = actor_names(result)
    assert {"Nvidia", "Netflix", "Cisco", "Harbor Lane Capital"} <= names
    assert "Brazil" in {location.name for location in result.locations}


def test_programmes_laws_and_list_words_are_no_actors() -> None:
    result = enrich(
        "What the new rules mean for clinics",
        "Clinics that bill Medicare and Medicaid must follow HIPAA, and those with patients in "
        "Europe must follow GDPR too, said Omar Reyes of Kestrel Health.\n\n"
        "Pros\n\nFaster claims for patients in Ohio.\n\nCons\n\nMore paperwork, Reyes said.",
        language="en",
    )
    names = actor_names(result)
    assert {"Omar Reyes", "Kestrel Health"} <= names
    assert not names & {"Medicare", "Medicaid", "HIPAA", "GDPR", "Pros", "Cons"}
