"""Load the curated seed corpus (documents/seed/) into the database.

Idempotent: records are matched by their natural keys (slugs, or partner × programme ×
role × start for participations) and only saved when a value differs, so a second run
creates and changes nothing. Everything happens in one transaction: any bad record, and
above all any quote that does not anchor in its document, aborts the whole load with a
``SeedError`` naming the file and the record.
"""

import decimal
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from documents.anchoring import normalise
from documents.claims import claim_models
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.publishing import publish_version
from documents.seed_format import (
    DOCUMENTS_FILE,
    SeedError,
    SeedReport,
    precise,
    read_file,
    record_files,
    translated,
)
from editorial.models import PublicationState, Publishable
from partners.models import Event, Partner, PartnerAlias, Relationship
from periods.dates import PreciseDate
from programmes.models import Participation, Programme

SEED_DIR = Path(__file__).resolve().parent / "seed"


class SeedLoader:
    def __init__(self, directory: Path):
        self.directory = directory
        self.report = SeedReport()
        self.now = timezone.now()
        self.partners: dict[str, Partner] = {}
        self.programmes: dict[str, Programme] = {}
        self.relationships: dict[str, Relationship] = {}
        self.versions: dict[str, DocumentVersion] = {}

    # Writing -------------------------------------------------------------------------

    def upsert(self, model, lookup: dict, values: dict, label: str, many: dict | None = None):
        """Create, update or leave one record; count what happened. ``many`` holds the
        objects of many-to-many fields."""
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup, **values, **self.initial_state(model, lookup))
            changed = values
        else:
            changed = {k: v for k, v in values.items() if getattr(instance, k) != v}
        changed_many = {
            name: objects
            for name, objects in (many or {}).items()
            if created or set(getattr(instance, name).all()) != set(objects)
        }
        if not (created or changed or changed_many):
            self.report.count(model, "unchanged")
            return instance
        if created or changed:
            for key, value in changed.items():
                setattr(instance, key, value)
            try:
                instance.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                raise SeedError(f"{label}: {error.message_dict}") from error
            instance.save()
        for name, objects in changed_many.items():
            getattr(instance, name).set(objects)
        self.report.count(model, "created" if created else "updated")
        return instance

    def initial_state(self, model, lookup: dict) -> dict:
        """A seeded record is published, as are the seed's document versions, and a seeded
        citation reviewed: the corpus was checked against its texts before it was
        committed. Only on creation, so a later reload leaves what curators and reviewers
        have done since."""
        if issubclass(model, Publishable):
            return {"publication_state": PublicationState.PUBLISHED, "reviewed_at": self.now}
        if model is DocumentVersion:
            return {"status": DocumentVersion.Status.PUBLISHED, "published_at": self.now}
        if model is Citation:
            return {
                "reviewed_at": self.now,
                "reviewed_version": lookup["version"],
                "reviewed_start": lookup["start"],
                "reviewed_end": lookup["end"],
            }
        return {}

    def lookup(self, registry: dict, slug: str, kind: str, label: str):
        try:
            return registry[slug]
        except KeyError:
            raise SeedError(f"{label}: unknown {kind} {slug!r}") from None

    def load(self) -> SeedReport:
        documents = read_file(self.directory, DOCUMENTS_FILE).get("documents") or []
        files = record_files(self.directory)
        with transaction.atomic():
            for name, data in files:
                for spec in data.get("partners") or []:
                    self.load_partner(name, spec)
            for spec in documents:
                self.load_document(spec)
            self.load_programmes(files)
            for name, data in files:
                for spec in data.get("relationships") or []:
                    self.load_relationship(name, data, spec)
            for name, data in files:
                for spec in data.get("participations") or []:
                    self.load_participation(name, data, spec)
                for spec in data.get("events") or []:
                    self.load_event(name, data, spec)
            # Citations last: every claim they name now exists.
            for name, data in files:
                self.load_citations(name, data)
            # A record created now was reviewed as saved, not a moment before its save.
            for model in claim_models():
                model.objects.filter(reviewed_at=self.now).update(reviewed_at=F("changed_at"))
        return self.report

    def load_partner(self, name: str, spec: dict):
        slug = spec.get("slug")
        label = f"{name}: partner {slug!r}"
        if slug in self.partners:
            raise SeedError(f"{label} is defined twice")
        values = {
            "kind": spec.get("kind"),
            "iso_code": spec.get("iso_code") or "",
            "status": spec.get("status") or Partner.Status.ACTIVE,
            **translated("name", spec.get("name")),
            **translated("short_name", spec.get("short_name")),
            **translated("acronym", spec.get("acronym")),
            **translated("description", spec.get("description")),
        }
        partner = self.upsert(Partner, {"slug": slug}, values, label)
        self.partners[slug] = partner
        aliases = [{"name": a} if isinstance(a, str) else a for a in spec.get("aliases") or []]
        repeated = [n for n, times in Counter(a.get("name") for a in aliases).items() if times > 1]
        if repeated:
            raise SeedError(
                f"{label}: alias {repeated[0]!r} is listed twice "
                "(give it once, with no language if it is the same in all)"
            )
        for alias in aliases:
            self.upsert(
                PartnerAlias,
                {"partner": partner, "name": alias.get("name")},
                {"language": alias.get("language") or ""},
                f"{label} alias {alias.get('name')!r}",
            )

    def load_document(self, spec: dict):
        slug = spec.get("slug")
        label = f"{DOCUMENTS_FILE}: document {slug!r}"
        values = {
            "publisher": self.lookup(self.partners, spec.get("publisher"), "partner", label),
            "language": spec.get("language"),
            "kind": spec.get("kind"),
            "url": spec.get("url") or "",
            **translated("title", spec.get("title")),
        }
        document = self.upsert(SourceDocument, {"slug": slug}, values, label)
        try:
            raw = (self.directory / spec["file"]).read_text(encoding="utf-8")
        except (KeyError, OSError) as error:
            raise SeedError(f"{label}: its text cannot be read: {error}") from error
        sha256 = DocumentVersion.hash_text(normalise(raw))
        existing = document.versions.filter(sha256=sha256).first()
        stated = spec.get("stated_update")
        version_values = {
            "raw": raw,
            "published_text": raw,
            "retrieved_at": None,  # the seed list does not say when its pages were retrieved
            "stated_update": PreciseDate.parse(stated).date if stated else None,
            "stated_update_text": spec.get("stated_update_text") or "",
        }
        if existing is None:
            key = {"document": document, "sha256": sha256}
            version_values |= {
                "text": raw,
                "number": (document.versions.count() + 1),
                "is_current": not document.versions.filter(is_current=True).exists(),
            }
        else:
            key = {"pk": existing.pk}
            if existing.is_pending:
                # The seed's own text, imported and waiting for a reviewer: the seed is
                # reviewed, so it is published (and the citations re-anchored on it).
                publish_version(existing)
                existing.refresh_from_db()
        self.versions[slug] = self.upsert(DocumentVersion, key, version_values, label)

    def load_programmes(self, files):
        """Programmes in an order where every parent comes before its children."""
        pending = [(name, spec) for name, data in files for spec in data.get("programmes") or []]
        defined = Counter(spec.get("slug") for _, spec in pending)
        for slug, times in defined.items():
            if times > 1:
                raise SeedError(f"programme {slug!r} is defined {times} times")
        while pending:
            ready = [
                (n, s) for n, s in pending if not s.get("parent") or s["parent"] in self.programmes
            ]
            if not ready:
                name, spec = pending[0]
                raise SeedError(
                    f"{name}: programme {spec.get('slug')!r}: unknown parent {spec.get('parent')!r}"
                )
            for name, spec in ready:
                self.load_programme(name, spec)
            pending = [(n, s) for n, s in pending if s.get("slug") not in self.programmes]

    def load_programme(self, name: str, spec: dict):
        slug = spec.get("slug")
        label = f"{name}: programme {slug!r}"
        run_by = spec.get("run_by")
        parent = spec.get("parent")
        values = {
            "kind": spec.get("kind"),
            "run_by": self.lookup(self.partners, run_by, "partner", label) if run_by else None,
            "parent": self.programmes[parent] if parent else None,
            **precise("start_date", "start_precision", spec.get("start")),
            **precise("end_date", "end_precision", spec.get("end")),
            **translated("name", spec.get("name")),
            **translated("acronym", spec.get("acronym")),
            **translated("description", spec.get("description")),
        }
        self.programmes[slug] = self.upsert(Programme, {"slug": slug}, values, label)

    def load_relationship(self, name: str, data: dict, spec: dict):
        slug = spec.get("slug")
        label = f"{name}: relationship {slug!r}"
        if slug in self.relationships:
            raise SeedError(f"{label} is defined twice")
        values = {
            "subject": self.lookup(self.partners, spec.get("subject"), "partner", label),
            "counterpart": self.lookup(self.partners, spec.get("counterpart"), "partner", label),
            "status": spec.get("status") or Relationship.Status.ACTIVE,
            **precise("start_date", "start_precision", spec.get("start")),
            **precise("end_date", "end_precision", spec.get("end")),
            **translated("title", spec.get("title")),
            **translated("summary", spec.get("summary")),
        }
        self.relationships[slug] = self.upsert(Relationship, {"slug": slug}, values, label)
        spec["_instance"] = self.relationships[slug]

    def load_participation(self, name: str, data: dict, spec: dict):
        label = (
            f"{name}: participation {spec.get('partner')!r} in {spec.get('programme')!r} "
            f"as {spec.get('role')!r}"
        )
        start = precise("start_date", "start_precision", spec.get("start"))
        lookup = {
            "partner": self.lookup(self.partners, spec.get("partner"), "partner", label),
            "programme": self.lookup(self.programmes, spec.get("programme"), "programme", label),
            "role": spec.get("role"),
            "start_date": start["start_date"],
        }
        values = {
            "start_precision": start["start_precision"],
            "status": spec.get("status") or Participation.Status.ACTIVE,
            **precise("end_date", "end_precision", spec.get("end")),
            **translated("note", spec.get("note")),
        }
        spec["_instance"] = self.upsert(Participation, lookup, values, label)

    def load_event(self, name: str, data: dict, spec: dict):
        slug = spec.get("slug")
        label = f"{name}: event {slug!r}"
        figure = spec.get("figure") or {}
        programme = spec.get("programme")
        try:
            quantity = decimal.Decimal(str(figure["quantity"])) if figure else None
        except (KeyError, decimal.InvalidOperation) as error:
            raise SeedError(f"{label}: figure needs a numeric quantity") from error
        values = {
            "relationship": self.lookup(
                self.relationships, spec.get("relationship"), "relationship", label
            ),
            "kind": spec.get("kind"),
            "programme": (
                self.lookup(self.programmes, programme, "programme", label) if programme else None
            ),
            "figure_quantity": quantity,
            **precise("start_date", "start_precision", spec.get("date")),
            **precise("end_date", "end_precision", spec.get("end_date")),
            **translated("title", spec.get("title")),
            **translated("description", spec.get("description")),
            **translated("place", spec.get("place")),
            **translated("figure_unit", figure.get("unit")),
        }
        partners = {
            self.lookup(self.partners, slug, "partner", label)
            for slug in spec.get("partners") or []
        }
        spec["_instance"] = self.upsert(
            Event, {"slug": slug}, values, label, many={"partners": partners}
        )

    def load_citations(self, name: str, data: dict):
        default_document = data.get("document")
        for kind in ("partners", "programmes", "relationships", "participations", "events"):
            for spec in data.get(kind) or []:
                claim = spec.get("_instance") or self.claim(kind, spec)
                label = f"{name}: {kind[:-1]} {spec.get('slug') or str(claim)!r}"
                citations = spec.get("citations") or []
                if not citations:
                    raise SeedError(f"{label} has no citation")
                for number, citation in enumerate(citations, start=1):
                    self.load_citation(
                        claim, citation, default_document, f"{label} citation {number}"
                    )

    def claim(self, kind: str, spec: dict):
        return {"partners": self.partners, "programmes": self.programmes}[kind][spec["slug"]]

    def load_citation(self, claim, spec: dict, default_document: str, label: str):
        document = spec.get("document") or default_document
        version = self.lookup(self.versions, document, "document", label)
        citation = Citation(
            claim=claim,
            version=version,
            quote=spec.get("quote") or "",
            prefix=spec.get("prefix") or "",
            suffix=spec.get("suffix") or "",
            field=spec.get("field") or "",
            note=spec.get("note") or "",
        )
        try:
            citation.anchor()
        except ValidationError as error:
            raise SeedError(
                f"{label} ({spec.get('quote')!r}): {' '.join(error.messages)}"
            ) from error
        claim_citations = Citation.objects.filter(
            content_type=citation.content_type, object_id=claim.pk, field=citation.field
        )
        if (
            claim_citations.filter(version__document=version.document_id, quote=citation.quote)
            .exclude(version=version)
            .exists()
        ):
            # Re-anchored onto a later version of the document since it was seeded: it
            # is the curators' now, and its status says where it stands.
            self.report.count(Citation, "unchanged")
            return
        # The status of a seeded citation is not reset: a later import may have orphaned it.
        self.upsert(
            Citation,
            {
                "content_type": citation.content_type,
                "object_id": claim.pk,
                "version": version,
                "field": citation.field,
                "start": citation.start,
                "end": citation.end,
            },
            {
                "quote": citation.quote,
                "prefix": citation.prefix,
                "suffix": citation.suffix,
                "note": citation.note,
            },
            label,
        )


def load_seed(directory: Path = SEED_DIR) -> SeedReport:
    return SeedLoader(directory).load()
