"""IPTC topics on articles written by the team in the style of real news sites: each test is a class
of error the annotated sets showed (the topic's vocabulary missing an IPTC sub-field, a word of
another language or a look-alike stem counting, a topic resting on words with other meanings, no
topic at all for a thinly worded story)."""

from __future__ import annotations

from newsfacet.enrich.topic_vocabulary import (
    ARTS,
    CONFLICT,
    CRIME,
    ECONOMY,
    EDUCATION,
    HEALTH,
    LABOUR,
    LIFESTYLE,
    POLITICS,
    RELIGION,
    SCIENCE,
    SOCIETY,
    SPORT,
)
from newsfacet.enrich.topics import classify


def top_codes(title: str, text: str, language: str = "en") -> list[str]:
    return [topic.code[7:] for topic in classify(title, text, language) if topic.parent is None]


def test_a_car_unveiled_at_an_auto_show_is_business() -> None:
    codes = top_codes(
        "Kestrel reveals the 2027 Aurora GT convertible",
        "LOS ANGELES — Kestrel pulled the cover off its Aurora GT convertible at the auto show on "
        "Wednesday, a soft-top version of the grand tourer it sold as a coupe for three years. The "
        "V8 makes 471 horsepower, and the folding roof opens in 15 seconds at up to 30 mph.\n\n"
        "The convertible reaches showrooms in the spring. Dealers have not been told the price, but "
        "the coupe starts at $96,000, and the company expects the open car to cost a few thousand "
        "more. The brand sold 12,000 of the coupe worldwide last year.",
    )
    assert codes[0] == ECONOMY


def test_deportees_coming_home_are_society() -> None:
    codes = top_codes(
        "Deportees return with nothing but debts",
        "MUMBAI: More than 100 men landed here on a chartered flight on Thursday after being "
        "deported for overstaying their visas or crossing the border without papers. Most had sold "
        "land to pay agents who promised them jobs abroad.\n\n"
        'Families waited outside the terminal for hours. "We have nothing left," said one father '
        "whose son was among the deportees, adding that the loan they took will take years to "
        "repay. Officials said more deportation flights are expected this month.",
    )
    assert codes[0] == SOCIETY


def test_teachers_marching_for_pay_are_a_labour_story() -> None:
    codes = top_codes(
        "Teachers rally at the state capitol for better pay",
        "Thousands of teachers in red shirts filled the capitol on Monday to demand a pay raise "
        "and smaller classes, closing schools in 40 districts for the day. The teachers union, which "
        "organised the rally, says salaries have fallen behind neighbouring states for a decade.\n\n"
        "\"We can't keep good teachers when a starting paycheck doesn't cover rent,\" one union "
        "member said. Lawmakers return in January; the governor has promised a budget with raises.",
    )
    assert LABOUR in codes


def test_a_study_of_language_models_is_science() -> None:
    codes = top_codes(
        "Why chatbots still get simple sums wrong",
        "A large language model can write an essay in seconds yet trip over a three-digit "
        "subtraction. A lab fed 40 chatbots thousands of sums and found that errors grew with the "
        "number of digits, suggesting the networks memorise patterns rather than learn the rules. "
        "The LLM makers say new versions reason step by step.",
    )
    assert codes[0] == SCIENCE


def test_a_hockey_game_report_is_sport() -> None:
    codes = top_codes(
        "Larsen scores twice as Kings top Flames",
        "Erik Larsen scored twice in the second period, and goaltender Tomas Vik made 31 saves as "
        "the Kings beat the Flames 4-2 on Saturday night. Larsen's first came on a power play; the "
        "defenseman added an assist on the empty-netter. The Kings are unbeaten in six.",
    )
    assert codes[0] == SPORT


def test_a_governor_and_the_statehouse_are_politics() -> None:
    codes = top_codes(
        "Governor signs map drawn by Republicans",
        "The governor signed the new congressional map on Friday, hours after Republicans pushed "
        "it through the statehouse over the objections of every Democrat. Opponents said the map "
        "splits two cities to protect incumbents and promised to challenge it.",
    )
    assert codes[0] == POLITICS


def test_words_of_french_count_only_in_french() -> None:
    title = "Le marché de l'emploi"
    text = (
        "La croissance ralentit et la bourse recule: l'entreprise annonce un chiffre d'affaires en "
        "baisse, et la banque centrale craint l'inflation."
    )
    assert ECONOMY in top_codes(title, text, "fr")
    assert ECONOMY not in top_codes(title, text, "en")


def test_a_topic_resting_only_on_words_with_other_meanings_is_not_given() -> None:
    codes = top_codes(
        "What a good manager does differently",
        "Every team has a goal, and the best managers make sure the whole team can win together. "
        "The final say should not sit with one person: share the goal, and let the team find the "
        "way to win. A season of small wins builds trust, and trust is what a team plays for.",
    )
    assert SPORT not in codes


def test_a_thinly_worded_story_still_gets_its_best_topic() -> None:
    filler = (
        "The new rules take effect in the spring, and the office will publish a guide for families "
        "who want to know more about what changes for them. "
    )
    text = (
        filler * 10
        + "Nurses at the hospital will be the first to use the new forms for each patient. "
        + filler * 10
    )
    assert top_codes("New forms from spring", text) == [HEALTH]


def test_pop_music_at_christmas_is_no_religion_story() -> None:
    codes = top_codes(
        "Pop star adds Christmas dates to her arena tour",
        "The pop singer will play four more shows in December, including two on the weekend before "
        "Christmas, after the first dates sold out in minutes. Her label said the pop record, her "
        "third, has streamed 400 million times. Tickets for the new shows go on sale Friday; fans who "
        "missed out in the first round get first pick, and the Christmas shows will be filmed for a "
        "concert special.",
    )
    assert codes[0] == ARTS and RELIGION not in codes


def test_a_fare_hike_is_no_leisure_story() -> None:
    codes = top_codes(
        "Commuters brace for the fare hike on the trails",
        "Riders will pay 25 cents more a trip from March after the transit board approved the hike "
        "on Tuesday, the second in two years. The board said higher fares on the trail lines and a "
        "hike in parking fees would close a $40 million budget gap; the agency's revenue fell as "
        "riders worked from home, and its camp of critics said the hike hits low-income riders "
        "hardest.",
    )
    assert codes[0] == ECONOMY and LIFESTYLE not in codes


def test_a_word_counts_once_for_a_topic_whichever_of_its_forms_the_vocabulary_lists() -> None:
    # "arrest" and "arrested", "market" and "marketing" share a stem: one occurrence in an
    # article is one piece of evidence, not two.
    from newsfacet.enrich.topics import _lexicon

    for word in ("arrest", "market", "garden"):
        topics = [topic for topic, _weight in _lexicon("en").phrases[(word,)]]
        assert len(topics) == len(set(topics)), word


def test_a_fight_on_a_train_is_crime_not_war() -> None:
    # "fight" and "killed" are news's everyday words for violence of any kind, not war's own.
    codes = top_codes(
        "Passenger dies after fight on commuter train",
        "A passenger died after a fight broke out between two men on a commuter train late on "
        "Sunday, police said. Witnesses said the men had been fighting for several minutes over a "
        "seat before one of them collapsed. Paramedics could not revive him. A 27-year-old man was "
        "arrested at the next station and charged with murder; detectives said the man who was "
        "killed had tried to calm the fight.",
    )
    assert codes[0] == CRIME and CONFLICT not in codes


def test_a_french_strike_story_is_labour() -> None:
    codes = top_codes(
        "Grève à la SNCF : les syndicats appellent à un nouveau mouvement",
        "Les syndicats de cheminots ont appelé mardi à une nouvelle journée de grève le 12 mars "
        "pour obtenir une hausse des salaires. L'intersyndicale réclame 6 % d'augmentation pour "
        "tous les salariés, quand la direction n'en propose que 2. « Les travailleurs ne peuvent plus "
        "attendre », a déclaré une responsable syndicale. Le trafic devrait être très perturbé.",
        "fr",
    )
    assert codes[0] == LABOUR


def test_a_german_school_story_is_education() -> None:
    codes = top_codes(
        "Lehrermangel: Schulen kürzen den Unterricht",
        "An vielen Schulen fällt ab Montag Unterricht aus, weil Lehrerinnen und Lehrer fehlen. "
        "Das Kultusministerium teilte mit, dass in den Grundschulen jede Klasse eine Stunde pro Woche "
        "weniger Unterricht bekommt. Elternverbände kritisierten die Entscheidung; die Schüler der "
        "Abiturjahrgänge sollen nicht betroffen sein.",
        "de",
    )
    assert codes[0] == EDUCATION
