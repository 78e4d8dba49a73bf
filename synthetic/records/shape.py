"""The shape of one unit of synthetic records: as many records of each kind as the seed
corpus holds, shared out as they are there (kinds of partners and programmes, roles,
statuses, date precisions, citations per claim). Plain Python, no Django."""

SLUG_PREFIX = "synthetic-"

# What the seed corpus holds (``manage.py load_seed``); one unit adds as many of each.
SEED_COUNTS = {
    "partners": 45,
    "aliases": 164,
    "programmes": 78,
    "relationships": 5,
    "participations": 113,
    "events": 43,
    "documents": 5,
    "versions": 5,
    "citations": 402,
}

# The values of periods.dates.DatePrecision, and no date.
YEAR, MONTH, DAY, NO_DATE = "year", "month", "day", ""

# The five relationships of a unit between its main partners: O (an organisation, the
# subject of four), A and B (states), C and D (organisations), E (a state).
RELATIONSHIPS = [("O", "A"), ("O", "B"), ("O", "C"), ("O", "D"), ("E", "A")]
# Where each main partner's own citations are: the document of this relationship.
HOME = {"O": 0, "A": 0, "B": 1, "C": 2, "D": 3, "E": 4}
# The other partners each relationship's document names: (kind, template, owner). With the
# main ones, as many of each kind as in the seed (13 states, 12 government bodies…).
OTHERS = [
    [("gov", "defence", "A"), ("gov", "general_staff", "A"), ("gov", "interior", "A"),
     ("body", "council", "O"), ("body", "assembly", "O"), ("state",), ("state",),
     ("territory",), ("ngo",)],
    [("gov", "foreign", "B"), ("gov", "emergencies", "B"), ("body", "staff", "O"),
     ("state",), ("state",), ("state",), ("research",), ("io",)],
    [("body", "security_council", "C"), ("body", "secretariat", "C"),
     ("body", "peace_operations", "C"), ("state",), ("state",), ("io",), ("other",)],
    [("body", "permanent_council", "D"), ("body", "secretariat", "D"),
     ("body", "democratic_institutions", "D"), ("body", "military_committee", "O"),
     ("state",), ("state",), ("io",)],
    [("gov", "embassy", "E"), ("gov", "internal_security", "E"), ("gov", "interior", "E"),
     ("gov", "justice", "A"), ("gov", "police", "A"), ("gov", "customs", "A"),
     ("gov", "criminal_police", "A"), ("state",)],
]  # fmt: skip
# Per relationship: participations of the counterpart, the subject and the others (the
# counterpart's fill its relationship page, as Serbia's do); programmes; events.
PARTICIPATIONS = [(15, 4, 4), (14, 4, 5), (10, 5, 7), (10, 5, 7), (15, 3, 5)]
PROGRAMMES = [16, 16, 15, 15, 16]
EVENTS = [9, 9, 9, 8, 8]
DOCUMENT_KINDS = ["topic_page", "topic_page", "news_item", "topic_page", "web_page"]


def counted(**counts) -> list[str]:
    return [value for value, count in counts.items() for _ in range(count)]


# Shares of a unit, as in the seed corpus.
PROGRAMME_KINDS = counted(
    forum=14, project=12, other=9, programme=9, initiative=6, framework=5, mission=5,
    office=4, partnership_plan=4, operation=4, centre=3, policy=2, trust_fund=1,
)  # fmt: skip
ROLES = counted(
    participant=32, beneficiary=17, contributor=16, organiser=15, partner=10, member=9,
    host=6, donor=4, co_chair=2, lead_nation=1, observer=1,
)  # fmt: skip
STATUSES = counted(active=101, ended=10, planned=1, in_transition=1)
PARTICIPATION_STARTS = [YEAR] * 20 + [MONTH] * 4 + [NO_DATE] * 89
PARTICIPATION_ENDS = [YEAR] * 5 + [MONTH] * 5
EVENT_KINDS = counted(
    accession=8, other=6, meeting=6, plan_adopted=5, project_completed=4, training=3,
    office_opened=2, mission_started=1, agreement=1, mission_ended=1, project_started=1,
    recognition=1, crisis_response=1, publication=1, exercise=1, visit=1,
)  # fmt: skip
EVENT_PRECISIONS = [YEAR] * 23 + [MONTH] * 17 + [DAY] * 3
FIGURES_PER_UNIT = 13
# Citations per claim: 29 partners of 45 have two, and so on (402 in all).
CITATIONS = {
    "partners": [2] * 29 + [1] * 16,
    "programmes": [2] * 36 + [1] * 42,
    "participations": [2] * 17 + [1] * 96,
    "events": [2] * 21 + [1] * 22,
}
