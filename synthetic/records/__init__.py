"""Synthetic partners, programmes, relationships, events, documents and citations, for load
tests and benchmarks (``manage.py generate_synthetic --scale N``).

Scale 1 adds as many records of each kind as the seed corpus holds (``shape.SEED_COUNTS``), as
one *unit* shaped like it: five relationships (an organisation with two states and two other
organisations, and a state with the first of those states, as NATO and France in the seed),
each stated by one source document of 2 to 6 KB, mostly in French, which names its
partners, programmes, participations and events; scale N adds N such units. Every name is
made up (``synthetic/places.py``, ``names``) and every slug starts with ``synthetic-``.

Every claim is published and supported as a seeded one is: its citations quote sentences of
the generated text, placed by ``Citation.anchor()`` (the real anchoring) and marked reviewed.
The same scale and seed give the same rows. Rows are written with ``bulk_create`` (no
signals) in one transaction, after which the search index is rebuilt and the page cache's
generation moved on.

The package: ``shape`` (how a unit mirrors the seed), ``names``, ``dates`` and ``sentences``
(what records are called and what their documents say, no Django), ``planning`` and the
planners it runs (``partner_planning``, ``programme_planning``, ``relationship_planning``,
``participation_planning``, ``event_planning``, ``document_planning``: a unit planned in
memory), ``storing`` (writing, deleting, the command's work).
"""
