"""Synthetic partners, programmes, relationships, events, documents and citations, for load
tests and benchmarks (``manage.py generate_synthetic --scale N``).

Scale 1 adds as many records of each kind as the seed corpus holds (``SEED_COUNTS``), as one
*unit* shaped like it: five relationships (an organisation with two states and two other
organisations, and a state with the first of those states, as NATO and France in the seed),
each stated by one source document of 2 to 6 KB, mostly in French, which names its
partners, programmes, participations and events; scale N adds N such units. Every name is
made up (``documents/synthetic.py``) and every slug starts with ``synthetic-``.

Every claim is published and supported as a seeded one is: its citations quote sentences of
the generated text, placed by ``Citation.anchor()`` (the real anchoring) and marked reviewed.
The same scale and seed give the same rows. Rows are written with ``bulk_create`` (no
signals) in one transaction, after which the search index is rebuilt and the page cache's
generation moved on.

The package: ``shape`` (how a unit mirrors the seed), ``wording`` (names and sentences, no
Django), ``partner_planning`` and ``planning`` (a unit planned in memory), ``storing`` (writing,
deleting, the command's work).
"""

from documents.synthetic_records.planning import Unit
from documents.synthetic_records.shape import SEED_COUNTS, SLUG_PREFIX
from documents.synthetic_records.storing import (
    SyntheticError,
    delete_synthetic,
    generate,
    synthetic_counts,
)
from documents.synthetic_records.wording import ISO_CODES

__all__ = [
    "ISO_CODES",
    "SEED_COUNTS",
    "SLUG_PREFIX",
    "SyntheticError",
    "Unit",
    "delete_synthetic",
    "generate",
    "synthetic_counts",
]
