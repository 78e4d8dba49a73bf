"""The mixed load's curator: a steady stream of edits spread uniformly over the public
records, through the ORM (the same save, the same signals and the same invalidation as an
edit in the admin), each in its own transaction, committed before the next.

    python -m bench.mixed.curator TALLY_FILE [--rate R] [--seed S]   (with the database's
    environment) edits R records a second until SIGTERM, then writes TALLY_FILE (JSON).

``changed_records`` counts, afterwards, the records that carry an edit: every record the
curator says it wrote must be there, or the writes did not commit.
"""

import argparse
import json
import random
import signal
import sys
import time
from pathlib import Path

# Which public text each kind of record gets edited: one a page and an API answer show.
EDITED_FIELDS = {
    ("partners", "Relationship"): "summary",
    ("partners", "Event"): "description",
    ("partners", "Partner"): "description",
    ("programmes", "Programme"): "description",
    ("programmes", "Participation"): "note",
}
MARKER = "[mixed-bench edit "
LANGUAGE = "fr"  # the edited translation, the same when counting


def edited_text(text: str, number: int) -> str:
    """The text with this edit's marker in place of an earlier one (so texts never grow)."""
    kept = text.split(f" {MARKER}", 1)[0]
    return f"{kept} {MARKER}{number}]"


def public_records() -> list[tuple[type, int]]:
    """Every public record of the edited kinds, as (model, pk), in a fixed order."""
    from partners.selectors import public_events, public_partners, relationship_list
    from programmes.selectors import public_participations, public_programmes

    querysets = [
        relationship_list(),
        public_events(),
        public_partners(),
        public_programmes(),
        public_participations(),
    ]
    records = []
    for queryset in querysets:
        pks = sorted(queryset.values_list("pk", flat=True).distinct())
        records += [(queryset.model, pk) for pk in pks]
    return records


def field_of(model) -> str:
    return EDITED_FIELDS[(model._meta.app_label, model.__name__)]


def edit(model, pk: int, number: int) -> None:
    from django.db import transaction
    from django.utils import translation

    with translation.override(LANGUAGE), transaction.atomic():
        record = model.objects.select_for_update().get(pk=pk)
        field = field_of(model)
        setattr(record, field, edited_text(getattr(record, field) or "", number))
        record.save()


def run(tally_path: Path, rate: float, seed: int) -> dict:
    from django.utils import translation

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    choose = random.Random(seed)
    tally = {"writes": 0, "failed": 0, "behind_s": 0.0, "write_ms": [], "edited": {}}
    with translation.override(LANGUAGE):
        records = public_records()
        tally["records"] = len(records)
        print(f"curator: {len(records)} public records, {rate:g} writes/s", flush=True)
        started = time.monotonic()
        while not stopping:
            due = started + tally["writes"] / rate
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
                if stopping:
                    break
            else:
                tally["behind_s"] = max(tally["behind_s"], -wait)
            model, pk = choose.choice(records)
            began = time.monotonic()
            try:
                edit(model, pk, tally["writes"] + 1)
            except Exception as error:  # noted and counted; the run judges it
                tally["failed"] += 1
                print(f"curator: {model.__name__} {pk}: {error!r}", file=sys.stderr, flush=True)
            else:
                tally["write_ms"].append(round((time.monotonic() - began) * 1000, 2))
                tally["edited"].setdefault(model.__name__, []).append(pk)
            tally["writes"] += 1
        tally["seconds"] = round(time.monotonic() - started, 2)
    tally_path.write_text(json.dumps(tally))
    return tally


def changed_records() -> dict[str, list[int]]:
    """The records that carry a curator's edit, by kind."""
    from django.apps import apps
    from django.utils import translation

    found = {}
    with translation.override(LANGUAGE):
        for (app, name), field in EDITED_FIELDS.items():
            model = apps.get_model(app, name)
            pks = model.objects.filter(**{f"{field}__contains": MARKER}).values_list(
                "pk", flat=True
            )
            found[name] = sorted(pks)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.mixed.curator")
    parser.add_argument("tally", type=Path)
    parser.add_argument("--rate", type=float, default=1.0, help="writes a second (1)")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--count", action="store_true", help="print changed_records() as JSON")
    args = parser.parse_args(argv)
    import django

    django.setup()
    if args.count:
        args.tally.write_text(json.dumps(changed_records()))
        return 0
    run(args.tally, args.rate, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
