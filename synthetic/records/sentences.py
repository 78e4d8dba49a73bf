"""What the documents of synthetic records say: the sentences that state each kind of fact
(relationships, participations, events, partners, programmes), in French and in English, and
``Fact``, a sentence and the claims it supports. Plain Python, no Django."""

from dataclasses import dataclass

from synthetic.grammar import Speaker, say


@dataclass
class Fact:
    """A sentence of a document in both languages, and the claims it supports: pairs of a
    record and the field (blank: the record as a whole)."""

    fr: str
    en: str
    values: dict
    claims: list[tuple[object, str]]
    order: tuple = (0, 0, 0)
    # Says more about the fact just before it, and stays next to it.
    follows: bool = False
    # The claim this sentence was written for: it is cited first.
    dedicated: object = None

    def render(self, speaker: Speaker) -> str:
        index = 0 if speaker.language == "fr" else 1
        values = {k: v[index] if isinstance(v, tuple) else v for k, v in self.values.items()}
        return say(self.fr if index == 0 else self.en, speaker, **values)


RELATIONSHIP_FACTS = [
    ("{c.le} entretient avec {s.le} un dialogue politique et une coopération pratique, "
     "notamment dans le domaine de {field}.",
     "{c.the} maintains political dialogue and practical cooperation with {s.the}, notably "
     "in {field}."),
    ("La coopération entre {s.le} et {c.le} s'est développée de manière régulière {since}.",
     "Cooperation between {s.the} and {c.the} has developed steadily {since}."),
    ("{s.le} soutient les réformes engagées par {c.le} dans le domaine de {field2}.",
     "{s.the} supports the reforms undertaken by {c.the} in {field2}."),
    ("{c.le} et {s.le} entendent approfondir leur dialogue sur {field3}.",
     "{c.the} and {s.the} intend to deepen their dialogue on {field3}."),
]  # fmt: skip
# Role: French present and past, English present, perfect and past.
ROLE_VERBS = {
    "participant": ("participe {p.à}", "participait {p.à}", "takes part in {p.the}",
                    "has taken part in {p.the}", "took part in {p.the}"),
    "member": ("est membre {p.de}", "était membre {p.de}", "is a member of {p.the}",
               "has been a member of {p.the}", "was a member of {p.the}"),
    "host": ("accueille {p.le}", "accueillait {p.le}", "hosts {p.the}", "has hosted {p.the}",
             "hosted {p.the}"),
    "lead_nation": ("est la nation pilote {p.de}", "était la nation pilote {p.de}",
                    "is the lead nation of {p.the}", "has been the lead nation of {p.the}",
                    "was the lead nation of {p.the}"),
    "co_chair": ("copréside {p.le}", "coprésidait {p.le}", "co-chairs {p.the}",
                 "has co-chaired {p.the}", "co-chaired {p.the}"),
    "beneficiary": ("bénéficie {p.de}", "bénéficiait {p.de}", "benefits from {p.the}",
                    "has benefited from {p.the}", "benefited from {p.the}"),
    "contributor": ("contribue {p.à}", "contribuait {p.à}", "contributes to {p.the}",
                    "has contributed to {p.the}", "contributed to {p.the}"),
    "donor": ("finance {p.le}", "finançait {p.le}", "funds {p.the}", "has funded {p.the}",
              "funded {p.the}"),
    "organiser": ("organise des activités {p.de}", "organisait des activités {p.de}",
                  "organises activities of {p.the}", "has organised activities of {p.the}",
                  "organised activities of {p.the}"),
    "partner": ("est partenaire {p.de}", "était partenaire {p.de}", "is a partner of {p.the}",
                "has been a partner of {p.the}", "was a partner of {p.the}"),
    "observer": ("a le statut d'observateur auprès {p.de}",
                 "avait le statut d'observateur auprès {p.de}", "has observer status in {p.the}",
                 "has had observer status in {p.the}", "had observer status in {p.the}"),
}  # fmt: skip
PARTICIPATION_TAIL = (", notamment dans le domaine de {field}", ", notably in {field}")
PARTICIPATION_ALLY = (", aux côtés {y.de}", ", alongside {y.the}")
PARTICIPATION_NOTE = ("Notamment dans le domaine de {field}.", "Notably in {field}.")
PARTICIPATION_PLANNED = (
    "{x.le} doit rejoindre {p.le} prochainement.",
    "{x.the} is due to join {p.the}.",
)
PARTICIPATION_CHANGING = ("{x.le} est en train de passer {p.à}.", "{x.the} is moving to {p.the}.")
OVER_THE_YEARS = ("au fil des ans", "over the years")
PARTICIPATION_MORE = [
    ("{x.le} prend part chaque année à des activités {p.de} consacrées à {field}.",
     "Every year, {x.the} takes part in activities of {p.the} devoted to {field}."),
    ("La participation {x.de} {p.à} porte notamment sur {field}.",
     "The participation of {x.the} in {p.the} focuses in particular on {field}."),
]  # fmt: skip
# Kind: French title, English title, French sentence, English sentence.
EVENT_TEMPLATES = {
    "accession": ("{c.le} adhère {p.à}", "{c.the} joins {p.the}",
                  "{c.le} a adhéré {p.à} {date}.", "{c.the} joined {p.the} {date}."),
    "agreement": ("Accord de coopération entre {s.le} et {c.le}",
                  "Cooperation agreement between {s.the} and {c.the}",
                  "{s.le} et {c.le} ont signé {date} un accord de coopération dans le "
                  "cadre {p.de}.",
                  "{s.the} and {c.the} signed a cooperation agreement under {p.the} {date}."),
    "plan_adopted": ("{c.le} adopte {p.le}", "{c.the} adopts {p.the}",
                     "{c.le} a adopté {p.le} {date}.", "{c.the} adopted {p.the} {date}."),
    "office_opened": ("Ouverture {p.de}", "Opening of {p.the}",
                      "{p.le} a ouvert ses portes à {place} {date}.",
                      "{p.the} opened in {place} {date}."),
    "mission_started": ("Début {p.de}", "Start of {p.the}", "{p.le} a commencé ses travaux {date}.",
                        "{p.the} began its work {date}."),
    "mission_ended": ("Fin {p.de}", "End of {p.the}", "{p.le} a achevé son mandat {date}.",
                      "{p.the} completed its mandate {date}."),
    "exercise": ("Exercice {p.de} à {place}", "Exercise of {p.the} in {place}",
                 "Un exercice {p.de} s'est déroulé à {place} {date}, avec la participation "
                 "{c.de}{figure}.",
                 "An exercise of {p.the} took place in {place} {date}, with the participation "
                 "of {c.the}{figure}."),
    "training": ("Stage de formation sur {field}", "Training course on {field}",
                 "{x.le} a organisé {date} un stage de formation sur {field} dans le cadre "
                 "{p.de}{figure}.",
                 "{x.the} organised a training course on {field} under {p.the} {date}{figure}."),
    "project_started": ("Début des travaux {p.de}", "Work begins under {p.the}",
                        "Les travaux {p.de}, consacrés à {field}, ont débuté {date}.",
                        "Work under {p.the} on {field} began {date}."),
    "project_completed": ("Achèvement des travaux {p.de}", "Work completed under {p.the}",
                          "Les travaux {p.de}, achevés {date}, ont porté sur {field}{figure}.",
                          "Work under {p.the}, completed {date}, dealt with {field}{figure}."),
    "meeting": ("Réunion entre {s.le} et {c.le} sur {field}",
                "Meeting between {s.the} and {c.the} on {field}",
                "Des représentants {s.de} et {c.de} se sont réunis à {place} {date} pour "
                "examiner {field}{figure}.",
                "Representatives of {s.the} and {c.the} met in {place} {date} to discuss "
                "{field}{figure}."),
    "visit": ("Visite {x.de} à {place}", "Visit of {x.the} to {place}",
              "Une délégation {x.de} s'est rendue à {place} {date}.",
              "A delegation of {x.the} visited {place} {date}."),
    "crisis_response": ("Aide d'urgence {c.à}", "Emergency assistance to {c.the}",
                        "{date}, {s.le} a apporté une aide d'urgence {c.à} à la suite "
                        "d'inondations{figure}.",
                        "{date}, {s.the} provided emergency assistance to {c.the} following "
                        "floods{figure}."),
    "recognition": ("{s.le} salue la contribution {c.de}",
                    "{s.the} commends the contribution of {c.the}",
                    "{date}, {s.le} a salué la contribution {c.de} {p.à}.",
                    "{date}, {s.the} commended the contribution of {c.the} to {p.the}."),
    "publication": ("Publication d'un rapport sur {field}", "Report on {field} published",
                    "Un rapport conjoint {s.de} et {c.de} sur {field} a été publié {date}.",
                    "A joint report by {s.the} and {c.the} on {field} was published {date}."),
    "other": ("Lancement d'un dialogue sur {field}", "Launch of a dialogue on {field}",
              "{c.le} et {x.le} ont lancé {date} un dialogue sur {field}{figure}.",
              "{c.the} and {x.the} launched a dialogue on {field} {date}{figure}."),
}  # fmt: skip
WITH_PROGRAMME = {
    "accession", "agreement", "plan_adopted", "office_opened", "mission_started",
    "mission_ended", "exercise", "training", "project_started", "project_completed",
    "recognition",
}  # fmt: skip
WITH_PLACE = {"office_opened", "exercise", "meeting", "visit"}
# The programmes an event of a kind is about, by preference.
EVENT_PROGRAMMES = {
    "accession": ("framework", "forum", "initiative", "programme"),
    "agreement": ("framework", "programme", "other"),
    "plan_adopted": ("partnership_plan", "policy", "programme"),
    "office_opened": ("office", "centre", "mission"),
    "mission_started": ("mission", "operation"),
    "mission_ended": ("mission", "operation"),
    "exercise": ("operation", "centre", "programme"),
    "training": ("centre", "programme", "initiative"),
    "project_started": ("project", "trust_fund"),
    "project_completed": ("project", "trust_fund"),
}
# Kind: French clause, English clause, French unit, English unit, range. In order of use.
EVENT_FIGURES = {
    "project_completed": [
        (", et ont permis de détruire {n} mines antipersonnel",
         ", and destroyed {n} anti-personnel mines", "mines antipersonnel détruites",
         "anti-personnel mines destroyed", 5000, 2000000),
        (", et ont permis de détruire {n} armes légères et de petit calibre", ", and destroyed {n} "
         "small arms and light weapons", "armes légères et de petit calibre détruites",
         "small arms and light weapons destroyed", 1000, 60000),
        (", et ont permis d'éliminer {n} tonnes de munitions", ", and disposed of {n} tonnes of "
         "munitions", "tonnes de munitions éliminées", "tonnes of munitions disposed of", 50, 5000),
    ],
    "training": [(", qui a permis de former {n} personnes", ", which trained {n} people",
                  "personnes formées", "people trained", 15, 800)],
    "exercise": [(", qui a réuni {n} participants", ", bringing together {n} participants",
                  "participants", "participants", 100, 5000)],
    "crisis_response": [(", en livrant {n} tonnes d'aide humanitaire", ", delivering {n} tonnes "
                         "of humanitarian aid", "tonnes d'aide humanitaire livrées",
                         "tonnes of humanitarian aid delivered", 10, 900)],
    "meeting": [(", en présence de {n} participants", ", with {n} participants", "participants",
                 "participants", 20, 400)],
    "other": [(", qui a permis la reconversion de {n} anciens militaires", ", which helped {n} "
               "former military personnel to retrain", "anciens militaires reconvertis",
               "former military personnel retrained", 100, 6000)],
}  # fmt: skip
PARTNER_FACTS = [
    ("{x.le} coopère avec {s.le} dans le domaine de {field}.",
     "{x.the} cooperates with {s.the} in {field}."),
    ("{x.le} partage son expérience dans le domaine de {field}.",
     "{x.the} shares its experience in {field}."),
]  # fmt: skip
PARTNER_DESCRIPTIONS = {
    "state": ("Pays partenaire {s.de}, actif dans le domaine de {field}.",
              "Partner country of {s.the}, active in {field}."),
    "international_organisation": ("Organisation internationale active dans le domaine de "
                                   "{field}.", "International organisation active in {field}."),
    "government_body": ("Organisme public {c.de}, chargé notamment de {field}.",
                        "Public body of {c.the}, responsible in particular for {field}."),
    "organisation_body": ("Organe {o.de} chargé de {field}.",
                          "Body of {o.the} responsible for {field}."),
    "ngo": ("Organisation non gouvernementale engagée dans {field}.",
            "Non-governmental organisation working on {field}."),
    "research_institute": ("Institut de recherche spécialisé dans {field}.",
                           "Research institute specialising in {field}."),
    "territory": ("Territoire concerné par les activités {s.de} dans le domaine de {field}.",
                  "Territory concerned by the activities of {s.the} in {field}."),
    "other": ("Organisme associé aux activités {s.de} dans le domaine de {field}.",
              "Body associated with the activities of {s.the} in {field}."),
}  # fmt: skip
PROGRAMME_FACTS = {
    "aim": ("{p.le} vise à renforcer la coopération dans le domaine de {field}.",
            "{p.the} aims to strengthen cooperation in {field}."),
    "run_by": ("Sous l'égide {r.de}, {p.le} vise à renforcer la coopération dans le domaine "
               "de {field}.",
               "Under the aegis of {r.the}, {p.the} aims to strengthen cooperation in {field}."),
    "start": ("{p.le} a vu le jour {start} et vise à renforcer la coopération dans le domaine "
              "de {field}.",
              "{p.the} was set up {start} and aims to strengthen cooperation in {field}."),
    "end": ("{p.le} a vu le jour {start} et a pris fin {end}.",
            "{p.the} was set up {start} and came to an end {end}."),
    "parent": ("{p.le} s'inscrit dans le cadre {parent.de}.", "{p.the} is part of {parent.the}."),
    "more": ("Les activités {p.de} portent notamment sur {field}.",
             "The activities of {p.the} focus in particular on {field}."),
}  # fmt: skip
