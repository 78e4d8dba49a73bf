"""Planning one unit of synthetic records in memory: unsaved model instances and the
sentences of their documents, in which every citation is found. Each kind of record has its
planner (``partner_planning``, ``programme_planning``, ``relationship_planning``,
``participation_planning``, ``event_planning``), the documents theirs
(``document_planning``); ``Unit`` runs them in order."""

from synthetic.records.document_planning import DocumentPlanner
from synthetic.records.event_planning import EventPlanner
from synthetic.records.participation_planning import ParticipationPlanner
from synthetic.records.programme_planning import ProgrammePlanner
from synthetic.records.relationship_planning import RelationshipPlanner
from synthetic.records.shape import RELATIONSHIPS


class Unit(
    ProgrammePlanner, RelationshipPlanner, ParticipationPlanner, EventPlanner, DocumentPlanner
):
    """One unit of synthetic records: as many of each kind as the seed corpus, in five
    relationships with a document each."""

    def build(self) -> "Unit":
        self.plan_partners()
        self.plan_programmes()
        for block in range(len(RELATIONSHIPS)):
            self.plan_relationship(block)
        self.plan_participations()
        self.plan_events()
        self.complete_facts()
        for block in range(len(RELATIONSHIPS)):
            self.write_document(block)
        return self
