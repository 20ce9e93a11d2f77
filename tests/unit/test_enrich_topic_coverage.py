"""Every IPTC top-level topic is recognised, and first, in a plain story about it: one short
article per topic, written by the team in the style of a wire or city-desk report (not taken from any
corpus), so a vocabulary change that loses a topic's core wording fails here."""

from __future__ import annotations

import pytest
from newsfacet.enrich.topics import classify

STORIES: dict[str, tuple[str, str]] = {
    "01000000": (
        "Museum reopens its modern wing with a retrospective of a painter's late work",
        "After two years of renovation, the city museum reopened its modern wing on Saturday with a "
        "retrospective of the painter's last decade: 80 canvases, many never shown before, and a room"
        " of sketchbooks. The curator said the show traces how the artist turned from portraits to "
        "abstraction after her move to the coast. Critics at the preview praised the hanging; tickets"
        " for the first month sold out within days.",
    ),
    "02000000": (
        "Former treasurer charged with stealing $2 million from church fund",
        "A former treasurer of a local church was charged Tuesday with embezzling more than $2 "
        "million over eight years, prosecutors said. The 61-year-old was arrested at his home and "
        "appeared in court in the afternoon, where a judge set bail at $50,000. According to the "
        "complaint, he wrote checks to himself and covered the gaps with forged bank statements. His "
        "lawyer said he would plead not guilty.",
    ),
    "03000000": (
        "Dozens missing after landslide buries mountain village",
        "Rescue teams dug through mud and rocks on Monday after a landslide buried part of a mountain"
        " village following days of heavy rain, officials said. At least 12 people were confirmed "
        "dead and 40 were missing. Soldiers and volunteers joined the search, but further slides "
        "hampered the work, and authorities evacuated 2,000 residents from nearby hamlets as a "
        "precaution.",
    ),
    "04000000": (
        "Shipping giant's profit halves as freight rates fall",
        "The world's second-largest container line reported a 52 percent fall in quarterly net profit"
        " on Thursday as freight rates slid from their pandemic peak. Revenue dropped to $11.2 "
        "billion, below analysts' forecasts, and the company cut its full-year guidance. Its shares "
        "fell 6 percent in Copenhagen. The chief executive said demand from European retailers "
        "remained weak ahead of the holiday season.",
    ),
    "05000000": (
        "Schools to add an hour of reading a day after test results slump",
        "The state education department will require elementary schools to set aside an extra hour a "
        "day for reading from next fall, after test scores showed fewer than half of third-graders "
        "reading at grade level. Teachers will get training in phonics over the summer, and districts"
        " that fall behind will receive coaches. Some principals said they would have to cut recess "
        "to fit the hour into the school day.",
    ),
    "06000000": (
        "Rare frogs return to restored wetland",
        "A species of frog not seen in the valley for 30 years has been found breeding in a wetland "
        "restored by conservation volunteers, biologists said. The marsh was drained for farmland in "
        "the 1970s; since the dykes were opened in 2019, reeds, insects and birds have come back. The"
        " discovery suggests that habitat restoration can bring back endangered amphibians if "
        "pollution from nearby fields is kept down.",
    ),
    "07000000": (
        "Measles cases climb as vaccination rates fall",
        "Health officials confirmed 14 new measles cases on Friday, bringing this year's total to 58,"
        " most of them in children who had not been vaccinated. The outbreak began at a daycare "
        "center in March. Doctors urged parents to check their children's immunization records, and "
        "the county opened free vaccine clinics on weekends. Two patients remain in hospital with "
        "pneumonia.",
    ),
    "08000000": (
        "Woman, 104, celebrates birthday with her first skydive",
        "A great-grandmother celebrated her 104th birthday on Sunday by jumping out of a plane at "
        "13,000 feet, strapped to an instructor. 'I always wanted to fly,' she said after landing, to"
        " cheers from three generations of her family. Her granddaughter said she had booked the jump"
        " as a surprise, and the family is now asking record keepers whether she is the oldest woman "
        "to skydive.",
    ),
    "09000000": (
        "Nurses vote to strike over pay and staffing",
        "Nurses at three city hospitals voted overwhelmingly on Wednesday to go on strike next month "
        "unless management agrees to higher wages and minimum staffing levels. The union said 94 "
        "percent of members backed the walkout. Talks over a new contract broke down in October after"
        " the hospitals offered a 2 percent raise. Management said it would hire replacement workers "
        "if the strike goes ahead.",
    ),
    "10000000": (
        "Ten quiet beaches for a winter escape",
        "If you want sun without the crowds, head south in January. Our travel writers picked ten "
        "beaches where you can still find a lounger at noon, from a fishing village with two "
        "guesthouses to an island reached only by ferry. We list where to stay, the best seafood "
        "restaurants near each cove and the cheapest months to book flights, plus a few tips for "
        "travelling with children.",
    ),
    "11000000": (
        "Parliament passes budget after all-night session",
        "Lawmakers approved the government's budget early on Friday after an all-night debate, with "
        "178 votes in favour and 160 against. The opposition walked out before the final vote, "
        "accusing the ruling coalition of forcing the bill through. The prime minister said the "
        "budget would fund higher pensions; opposition leaders promised to challenge parts of it "
        "before the constitutional court.",
    ),
    "12000000": (
        "Pilgrims fill the old city for the holy week",
        "Tens of thousands of pilgrims crowded the narrow streets of the old city on Sunday as the "
        "holy week began, carrying palm branches to the cathedral. Bishops led processions from each "
        "parish, and priests heard confession in chapels that stayed open through the night. The "
        "archbishop called in his sermon for prayers for peace, and the faithful sang hymns as the "
        "bells rang.",
    ),
    "13000000": (
        "Telescope spots water in the atmosphere of a distant planet",
        "Astronomers using a space telescope have detected water vapour in the atmosphere of a planet"
        " 120 light years away, the first such find for a world of its size, according to a study "
        "published Wednesday. The planet orbits its star in the habitable zone. The researchers "
        "analysed starlight filtered through its atmosphere; the data also hint at clouds of ice, the"
        " team said.",
    ),
    "14000000": (
        "Rents outpace wages as families turn to shelters",
        "The number of families living in shelters has risen by a third in two years as rents climb "
        "faster than incomes, a report by a housing charity found. One in five renters now spends "
        "more than half of their income on rent. Advocates called for more affordable housing and "
        "higher housing benefits, saying evictions have reached the highest level in a decade and "
        "poverty is spreading to working families.",
    ),
    "15000000": (
        "Late penalty sends United into the cup semi-finals",
        "A penalty in the 88th minute sent United into the semi-finals on Saturday with a 2-1 win "
        "over City. The striker converted after a handball in the box, having equalised earlier with "
        "a header. City's goalkeeper saved twice in the first half, and their manager said the "
        "referee's decision was harsh. United will play the holders at the national stadium next "
        "month.",
    ),
    "16000000": (
        "Artillery fire pounds border town as ceasefire collapses",
        "Artillery and rocket fire pounded the border town through the night, residents said, a day "
        "after a ceasefire between the army and the rebels collapsed. At least 23 civilians were "
        "killed. Government troops said they had repelled an offensive on their positions, while the "
        "rebel commander accused them of shelling homes. Aid agencies said thousands had fled toward "
        "the frontier.",
    ),
    "17000000": (
        "Heat wave to peak at 40C on Thursday",
        "Temperatures will climb to 40 degrees Celsius on Thursday, the peak of a heat wave expected "
        "to last until the weekend, forecasters said. The weather service issued an orange warning "
        "for the south and advised people to stay indoors in the afternoon. Nights will stay above "
        "25C in cities. Thunderstorms may bring relief from Sunday, with cooler air moving in from "
        "the west.",
    ),
}


@pytest.mark.parametrize("code", sorted(STORIES))
def test_a_plain_story_gets_its_topic_first(code: str) -> None:
    title, text = STORIES[code]
    top_level = [topic.code for topic in classify(title, text) if topic.parent is None]
    assert top_level[:1] == [f"medtop:{code}"], top_level
