import shutil

import pytest
import yaml
from django.contrib.contenttypes.models import ContentType

from documents.claims import claim_models
from documents.models import Citation, DocumentVersion, SourceDocument
from documents.seed_format import SeedError
from documents.seeding import SEED_DIR, load_seed
from partners.models import Event, Partner, Relationship
from programmes.models import Participation, Programme

pytestmark = pytest.mark.django_db


def test_the_seed_loads_the_five_documents_and_their_claims(seeded):
    assert SourceDocument.objects.count() == 5
    assert DocumentVersion.objects.filter(is_current=True).count() == 5
    claims = sum(model.objects.count() for model in claim_models())
    assert claims > 60
    assert (
        Relationship.objects.filter(
            slug__in=["nato-serbia", "france-serbia", "nato-belarus", "nato-un", "nato-osce"]
        ).count()
        == 5
    )


def test_every_seed_document_links_to_its_original_page(seeded):
    addresses = dict(SourceDocument.objects.values_list("slug", "url"))
    assert len(addresses) == 5
    assert all(url.startswith("https://") for url in addresses.values()), addresses
    assert len(set(addresses.values())) == 5


def test_every_curated_claim_has_a_verified_citation(seeded):
    for model in claim_models():
        content_type = ContentType.objects.get_for_model(model)
        cited = set(
            Citation.objects.filter(content_type=content_type, status="verified").values_list(
                "object_id", flat=True
            )
        )
        uncited = model.objects.exclude(pk__in=cited)
        assert not uncited.exists(), (
            f"{model.__name__} without a verified citation: {list(uncited)}"
        )


def test_every_seed_citation_quotes_its_version_at_its_offsets(seeded):
    for citation in Citation.objects.select_related("version"):
        view = citation.version.text.replace("\n", " ")
        assert view[citation.start : citation.end] == citation.quote


def test_the_seed_states_the_facts_the_documents_give(seeded, french):
    serbia_pfp = Participation.objects.get(
        partner__slug="serbia", programme__slug="pfp", start_date__year=2006
    )
    assert serbia_pfp.start.isoformat() == "2006"
    office = Event.objects.get(relationship__slug="nato-serbia", kind="office_opened")
    assert str(office.date) == "décembre 2006"
    raid = Event.objects.get(relationship__slug="france-serbia", start_date="2019-06-07")
    assert raid.start_precision == "day"
    assert Participation.objects.filter(
        partner__slug="belarus", programme__slug="nacc", start_date__year=1992
    ).exists()


def test_loading_the_seed_twice_changes_nothing(seeded):
    second = load_seed()
    assert not second.changed
    assert second.total(Citation) == Citation.objects.count()


def test_every_translatable_name_has_both_languages(seeded):
    for partner in Partner.objects.all():
        assert partner.name_fr and partner.name_en, partner.slug
    for programme in Programme.objects.all():
        assert programme.name_fr and programme.name_en, programme.slug
    for event in Event.objects.all():
        assert event.title_fr and event.title_en, event.slug


@pytest.fixture
def seed_copy(tmp_path):
    copy = tmp_path / "seed"
    shutil.copytree(SEED_DIR, copy)
    return copy


def break_first_quote(seed_dir, name):
    path = seed_dir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = data["events"][-1]
    event["citations"][0]["quote"] = "Cette phrase n'est dans aucun document."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return event["slug"]


def test_a_quote_that_does_not_anchor_fails_loudly_naming_the_record(seed_copy, english):
    slug = break_first_quote(seed_copy, "nato-serbia.yaml")
    with pytest.raises(SeedError) as error:
        load_seed(seed_copy)
    assert slug in str(error.value)
    assert "nato-serbia.yaml" in str(error.value)
    assert "does not occur" in str(error.value)


def test_a_failed_load_leaves_the_database_unchanged(seed_copy):
    break_first_quote(seed_copy, "nato-serbia.yaml")
    with pytest.raises(SeedError):
        load_seed(seed_copy)
    assert Partner.objects.count() == 0
    assert Citation.objects.count() == 0


def test_a_record_without_citation_is_refused(seed_copy):
    path = seed_copy / "nato-belarus.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["events"][0]["citations"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SeedError, match="has no citation"):
        load_seed(seed_copy)


def test_the_load_seed_command_reports_nothing_changed_on_a_second_run(seeded, english):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_seed", stdout=out)
    assert "nothing created or changed" in out.getvalue()


def test_an_unknown_key_is_refused_rather_than_ignored(seed_copy):
    path = seed_copy / "nato-un.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["events"][0]["dated"] = "2014"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SeedError, match=r"unknown key\(s\) \['dated'\]"):
        load_seed(seed_copy)


def test_reloading_the_seed_after_a_new_version_keeps_the_curated_state(seeded):
    from documents.importing import import_document
    from documents.sources import RawSource
    from tests.documents.test_reanchoring import modified_belarus

    document = SourceDocument.objects.get(slug="nato-relations-belarus")
    new_text = modified_belarus(document.current_version.text)[0]
    import_document(
        RawSource(content=new_text, is_html=False, origin="belarus.txt"),
        document=document,
        publish=True,
    )
    statuses = dict(Citation.objects.values_list("pk", "status"))

    report = load_seed()

    assert not report.changed
    assert dict(Citation.objects.values_list("pk", "status")) == statuses
