"""``manage.py generate_synthetic``: synthetic records as public and as well supported as the
seed corpus, N times its size, the same for the same scale and seed."""

import hashlib
import io
import statistics

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from caching.generation import current
from documents.anchoring import anchor_quote, matching_view, normalise
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.selectors import only_supported
from partners.models import Event, Partner, PartnerAlias, Relationship
from partners.selectors import partner_list, public_events, relationship_list
from programmes.models import Participation, Programme
from programmes.selectors import public_programmes
from search.selectors import search_page
from synthetic.places import Places
from synthetic.records.names import ISO_CODES
from synthetic.records.planning import Unit
from synthetic.records.shape import SEED_COUNTS, SLUG_PREFIX
from tests.factories import ParticipationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

SYNTHETIC = {"slug__startswith": SLUG_PREFIX}


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_synthetic", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def synthetic(db):
    """One unit of synthetic records."""
    generate(scale=1)


@pytest.fixture
def seeded_and_synthetic(seeded):
    generate(scale=1)


def synthetic_counts() -> dict[str, int]:
    versions = DocumentVersion.objects.filter(document__slug__startswith=SLUG_PREFIX)
    return {
        "partners": Partner.objects.filter(**SYNTHETIC).count(),
        "aliases": PartnerAlias.objects.filter(partner__slug__startswith=SLUG_PREFIX).count(),
        "programmes": Programme.objects.filter(**SYNTHETIC).count(),
        "relationships": Relationship.objects.filter(**SYNTHETIC).count(),
        "participations": Participation.objects.filter(partner__slug__startswith=SLUG_PREFIX)
        .count(),
        "events": Event.objects.filter(**SYNTHETIC).count(),
        "documents": SourceDocument.objects.filter(**SYNTHETIC).count(),
        "versions": versions.count(),
        "citations": Citation.objects.filter(version__in=versions).count(),
    }  # fmt: skip


def fingerprint() -> str:
    """The synthetic rows, ids and times aside."""
    fields = {
        Partner: ("slug", "kind", "name_fr", "name_en", "iso_code"),
        Programme: ("slug", "kind", "parent__slug", "run_by__slug", "start_date"),
        Relationship: ("slug", "subject__slug", "counterpart__slug", "summary_fr"),
        Event: ("slug", "start_date", "start_precision", "end_date", "figure_quantity"),
        SourceDocument: ("slug", "language", "kind", "publisher__slug"),
    }
    rows = []
    for model, names in fields.items():
        rows += list(model.objects.filter(**SYNTHETIC).order_by("slug").values_list(*names))
    rows += list(
        Participation.objects.filter(partner__slug__startswith=SLUG_PREFIX)
        .order_by("partner__slug", "programme__slug", "role")
        .values_list("partner__slug", "programme__slug", "role", "status", "start_date")
    )
    rows += list(
        DocumentVersion.objects.filter(document__slug__startswith=SLUG_PREFIX)
        .order_by("document__slug")
        .values_list("document__slug", "sha256")
    )
    rows += list(
        Citation.objects.filter(version__document__slug__startswith=SLUG_PREFIX)
        .order_by("version__document__slug", "start", "end", "content_type__model", "field")
        .values_list("version__document__slug", "start", "end", "quote", "content_type__model")
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_scale_one_adds_as_many_records_of_each_kind_as_the_seed_corpus(seeded):
    seed = {kind: seeded.total(model) for kind, model in {
        "partners": Partner, "aliases": PartnerAlias, "programmes": Programme,
        "relationships": Relationship, "participations": Participation, "events": Event,
        "documents": SourceDocument, "versions": DocumentVersion, "citations": Citation,
    }.items()}  # fmt: skip
    assert seed == SEED_COUNTS
    out = generate(scale=1)
    assert synthetic_counts() == SEED_COUNTS
    assert "45 partners, 164 aliases, 78 programmes" in out


def test_every_synthetic_claim_is_public(synthetic):
    assert relationship_list().filter(**SYNTHETIC).count() == 5
    assert partner_list().filter(**SYNTHETIC).count() == 45
    assert public_programmes().filter(**SYNTHETIC).count() == 78
    assert public_events().filter(**SYNTHETIC).count() == 43
    participations = only_supported(Participation.objects.all())
    assert participations.filter(partner__slug__startswith=SLUG_PREFIX).count() == 113


def test_every_synthetic_citation_is_reviewed_and_re_anchors_where_it_stands(synthetic):
    citations = Citation.objects.filter(version__document__slug__startswith=SLUG_PREFIX)
    assert citations.count() == citations.supporting().reviewed().count() == 402
    for citation in citations.select_related("version"):
        text = citation.version.text
        anchor = anchor_quote(text, citation.quote, citation.prefix, citation.suffix)
        assert (anchor.start, anchor.end) == (citation.start, citation.end)
        assert (anchor.prefix, anchor.suffix) == (citation.prefix, citation.suffix)
        assert matching_view(text)[citation.start : citation.end] == citation.quote
        assert citation.status == Citation.Status.VERIFIED


def test_a_synthetic_relationship_page_shows_its_footnotes_in_as_many_queries_as_a_seed_page(
    client, seeded_and_synthetic
):
    relationship = Relationship.objects.filter(**SYNTHETIC).order_by("slug").first()
    client.get(reverse("partners:relationship_list"))  # what a first request sets up
    counts, pages = [], []
    for slug in ("nato-serbia", relationship.slug):
        with translation.override("en"):
            url = reverse("partners:relationship_detail", args=[slug])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
        pages.append(response)
    assert counts[0] == counts[1]
    page = pages[1].context["page"]
    references = [reference for note in page.footnotes for reference in note.references]
    assert page.events and page.participations and len(references) > 20
    assert len(page.footnotes) > 10
    html = pages[1].content.decode()
    assert all(f'id="fn-{note.number}"' in html for note in page.footnotes)


def test_synthetic_relationships_are_as_full_as_seed_ones(seeded_and_synthetic):
    """As many events and participations per relationship page as in the seed, on average."""
    from partners.selectors import relationship_page

    def averages(relationships):
        pages = [relationship_page(r.slug) for r in relationships]
        return (
            statistics.fmean(len(page.events) for page in pages),
            statistics.fmean(len(page.participations) for page in pages),
        )

    seed = averages(Relationship.objects.exclude(**SYNTHETIC))
    synthetic_ = averages(Relationship.objects.filter(**SYNTHETIC))
    assert synthetic_[0] == pytest.approx(seed[0], rel=0.1)
    assert synthetic_[1] == pytest.approx(seed[1], rel=0.35)


def test_synthetic_dates_come_at_every_precision(synthetic):
    events = Event.objects.filter(**SYNTHETIC)
    assert set(events.values_list("start_precision", flat=True)) == {"year", "month", "day"}
    starts = Participation.objects.filter(partner__slug__startswith=SLUG_PREFIX)
    assert set(starts.values_list("start_precision", flat=True)) == {"", "year", "month"}


def test_synthetic_documents_are_stored_normalised_with_2_to_6_kb_of_text(synthetic):
    versions = DocumentVersion.objects.filter(document__slug__startswith=SLUG_PREFIX)
    for version in versions:
        assert 2000 <= len(version.text) <= 6000
        assert normalise(version.text) == version.text
        assert DocumentVersion.hash_text(version.text) == version.sha256
        assert version.is_current and version.number == 1


def test_planned_documents_are_mostly_french_and_of_2_to_6_kb():
    units = plan(10)
    languages = [document.language for unit in units for document in unit.documents]
    assert languages.count("fr") > 2 * languages.count("en") > 0
    assert all(2000 <= len(v.text) <= 6000 for unit in units for v in unit.versions)


def plan(count: int, seed: int = 0) -> list[Unit]:
    places, slugs, now = Places(), set(), timezone.now()
    return [Unit(n, seed, places, slugs, list(ISO_CODES), now).build() for n in range(count)]


def planned(units: list[Unit]) -> list:
    return [
        (
            [draft.record.slug for draft in unit.partners + unit.programmes + unit.events],
            [version.text for version in unit.versions],
            [(quote, prefix, field) for _claim, _version, quote, prefix, field in unit.citations],
        )
        for unit in units
    ]


def test_the_same_seed_plans_the_same_records_and_another_seed_others():
    assert planned(plan(2)) == planned(plan(2))
    assert planned(plan(2)) != planned(plan(2, seed=1))


def test_the_same_scale_and_seed_write_the_same_rows(synthetic):
    first = fingerprint()
    generate(scale=1, replace=True)
    assert fingerprint() == first
    generate(scale=1, seed=1, replace=True)
    assert fingerprint() != first


def test_a_second_run_is_refused_unless_told_to_replace(synthetic):
    curated = ParticipationFactory(partner__slug="serbia", programme__slug="pfp")
    with pytest.raises(CommandError, match="already holds synthetic records.*--replace"):
        generate(scale=1)
    generate(scale=1, replace=True)
    assert synthetic_counts() == SEED_COUNTS
    assert Participation.objects.filter(pk=curated.pk).exists()


def test_replacing_refuses_when_a_kept_record_depends_on_a_synthetic_one(synthetic):
    ProgrammeFactory(slug="pfp", run_by=Partner.objects.filter(**SYNTHETIC).first())
    with pytest.raises(CommandError, match="other records use them .*1 programmes run by"):
        generate(scale=1, replace=True)
    assert synthetic_counts() == SEED_COUNTS


def test_the_page_cache_generation_moves_on(db):
    before = current().value
    generate(scale=1)
    assert current().value > before


def test_search_finds_a_synthetic_partner_and_its_passages(synthetic):
    partner = Partner.objects.filter(kind=Partner.Kind.STATE, **SYNTHETIC).first()
    page = search_page(partner.name_fr, "fr")
    found = {group.kind: [result.entry for result in group.results] for group in page.groups}
    assert partner.pk in [entry.partner_id for entry in found["partner"]]
    assert any(entry.document.slug.startswith(SLUG_PREFIX) for entry in found["passage"])
