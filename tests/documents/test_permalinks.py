"""Permanent passage links (issue 22): after a new version of a document is imported, an
old passage link — the permanent address, the old version's ``#cite-N`` address, the
address an earlier export gave — lands on a page that shows the passage or says exactly
what became of it; what the public never saw stays a 404."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from documents.anchoring import normalise
from documents.models import Citation, DocumentVersion
from documents.typesetting import all_pieces
from partners.models import Partner
from tests import new_versions
from tests.factories import SAMPLE_TEXT, CitationFactory, DocumentVersionFactory, EventFactory

pytestmark = pytest.mark.django_db

KEPT = "la Serbie a adhéré au Partenariat pour la paix"  # same words, same context
MOVED = "apporte son soutien aux réformes"  # same words, new context
ORPHANED = "établi en décembre 2006"  # gone
# The second version: one quote reworded, the text around another changed.
NEW_TEXT = SAMPLE_TEXT.replace("établi en décembre 2006", "ouvert fin 2006") + (
    "\nLa Serbie participe aussi au programme pour la science au service de la paix."
)
LANGUAGES = ["fr", "en"]


def import_and_publish(document, text=NEW_TEXT) -> DocumentVersion:
    return new_versions.import_and_publish(document, text)


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def permanent(citation, language):
    return url("documents:passage", language, citation.pk)


def version_url(citation_or_version, language, number):
    version = getattr(citation_or_version, "version", citation_or_version)
    return url("documents:version_detail", language, version.document.slug, number)


@pytest.fixture
def first():
    return DocumentVersionFactory(number=1)


@pytest.fixture
def cited(first):
    """Three published statements, each cited (and reviewed) in version 1."""
    return {
        quote: CitationFactory(claim=EventFactory(), version=first, quote=quote)
        for quote in (KEPT, MOVED, ORPHANED)
    }


def reload(citation):
    return Citation.objects.get(pk=citation.pk)


# The permanent address -------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_permanent_address_has_its_words_in_each_language(language):
    assert url("documents:passage", language, 357) == f"/{language}/passages/357/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shown_passage_s_permanent_address_leads_to_it(client, cited, language):
    citation = cited[KEPT]
    response = client.get(permanent(citation, language))
    assert response.status_code == 302
    assert response["Location"] == f"{version_url(citation, language, 1)}#cite-{citation.pk}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_a_new_version_the_permanent_address_leads_to_the_passage_in_it(
    client, cited, first, language
):
    import_and_publish(first.document)
    citation = reload(cited[KEPT])
    assert citation.status == Citation.Status.VERIFIED and citation.version.number == 2
    response = client.get(permanent(citation, language))
    assert response.status_code == 302
    target = f"{version_url(citation, language, 2)}#cite-{citation.pk}"
    assert response["Location"] == target
    page = client.get(target.split("#")[0]).content.decode()
    assert f'id="cite-{citation.pk}"' in page


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "Orpheline depuis la version 2"),
        ("en", "Orphaned by version 2"),
    ],
)
def test_an_orphaned_passage_s_permanent_address_says_which_version_lost_it(
    client, cited, first, language, notice
):
    import_and_publish(first.document)
    citation = reload(cited[ORPHANED])
    assert citation.status == Citation.Status.ORPHANED
    response = client.get(permanent(citation, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert f'<mark class="passage">{ORPHANED}</mark>' in html  # as it was cited
    assert f'href="{version_url(citation, language, 1)}#cite-{citation.pk}"' in html
    assert f'href="{url("documents:document_detail", language, first.document.slug)}"' in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "attend qu’un relecteur la confirme"),
        ("en", "waits for a reviewer to confirm it"),
    ],
)
def test_a_moved_passage_awaiting_review_is_shown_where_it_was_confirmed(
    client, cited, first, language, notice
):
    import_and_publish(first.document)
    citation = reload(cited[MOVED])
    assert citation.status == Citation.Status.MOVED and not citation.is_reviewed
    html = client.get(permanent(citation, language)).content.decode()
    assert notice in html
    assert f'<mark class="passage">{MOVED}</mark>' in html
    assert f'href="{version_url(citation, language, 1)}#cite-{citation.pk}"' in html


def test_a_moved_passage_once_reviewed_is_led_to_again(client, cited, first, django_user_model):
    import_and_publish(first.document)
    citation = reload(cited[MOVED])
    reviewer = django_user_model.objects.create_superuser("reviewer", "r@example.org", "x")
    citation.review(reviewer)
    response = client.get(permanent(citation, "en"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/versions/2/#cite-{citation.pk}")


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "Retirée le"),
        ("en", "Retired on"),
    ],
)
def test_a_retired_passage_s_permanent_address_says_it_was_retired(
    client, cited, first, language, notice
):
    import_and_publish(first.document)
    citation = reload(cited[ORPHANED])
    citation.retire("Reworded.")
    html = client.get(permanent(citation, language)).content.decode()
    assert notice in html
    assert f'<mark class="passage">{ORPHANED}</mark>' in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "Remplacée le"),
        ("en", "Replaced on"),
    ],
)
def test_a_replaced_passage_s_permanent_address_leads_to_its_replacement(
    client, cited, first, language, notice
):
    second = import_and_publish(first.document)
    orphan = reload(cited[ORPHANED])
    replacement = CitationFactory(claim=orphan.claim, version=second, quote="ouvert fin 2006")
    orphan.retire("Reworded.", replaced_by=replacement)
    html = client.get(permanent(orphan, language)).content.decode()
    assert notice in html
    assert f'href="{permanent(replacement, language)}"' in html
    followed = client.get(permanent(replacement, language))
    assert followed["Location"].endswith(f"/versions/2/#cite-{replacement.pk}")


def test_a_citation_is_replaced_only_by_another_of_its_claim(cited):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        cited[ORPHANED].retire(replaced_by=cited[KEPT])


def test_retiring_a_citation_that_landed_on_another_s_passage_makes_that_one_its_replacement():
    event, twice = EventFactory(), "La Serbie a rejoint le PPP"
    first = DocumentVersionFactory(number=1, text=f"Début. {twice}. Milieu. {twice}. Fin.")
    one = CitationFactory(claim=event, version=first, quote=twice, prefix="Début. ")
    two = CitationFactory(claim=event, version=first, quote=twice, prefix="Milieu. ")
    import_and_publish(first.document, f"Début. {twice}. Fin.")
    one, two = reload(one), reload(two)
    assert one.is_supporting and two.status == Citation.Status.CHANGED
    assert two.citation_at_suggestion() == one
    two.retire()
    assert reload(two).replaced_by == one


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_passage_of_a_draft_is_a_404_like_one_that_does_not_exist(client, first, language):
    draft = CitationFactory(
        claim=EventFactory(publication_state=Partner.State.DRAFT), version=first
    )
    missing = client.get(url("documents:passage", language, draft.pk + 1000))
    hidden = client.get(permanent(draft, language))
    assert missing.status_code == hidden.status_code == 404
    assert draft.quote not in hidden.content.decode()


def test_a_passage_the_public_never_saw_is_a_404(client, first):
    unreviewed = CitationFactory(claim=EventFactory(), version=first, reviewed=False)
    assert client.get(permanent(unreviewed, "en")).status_code == 404
    Citation.objects.filter(pk=unreviewed.pk).update(status=Citation.Status.ORPHANED)
    assert client.get(permanent(unreviewed, "en")).status_code == 404


def test_a_passage_of_a_record_taken_down_since_is_a_404(client, cited, first):
    import_and_publish(first.document)
    citation = reload(cited[ORPHANED])
    type(citation.claim).objects.filter(pk=citation.object_id).update(
        publication_state=Partner.State.UNPUBLISHED
    )
    response = client.get(permanent(citation, "fr"))
    assert response.status_code == 404
    assert ORPHANED not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Aucun passage public ne porte ce numéro."), ("en", "No public passage has this")],
)
def test_the_404_of_a_passage_says_what_a_permanent_address_is(client, db, language, message):
    response = client.get(url("documents:passage", language, 999999))
    assert response.status_code == 404
    assert message in response.content.decode()


def test_a_statement_no_longer_supported_is_not_named_on_the_passage_page(client, cited, first):
    import_and_publish(first.document)
    citation = reload(cited[ORPHANED])
    html = client.get(permanent(citation, "en")).content.decode()
    assert str(citation.claim) not in html
    assert "no public source supports it now" in html


# The old version's address ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("fr", "Vous consultez une version antérieure de ce document. C’est la version 1 ; la "
               "version actuelle est la"),
        ("en", "You are reading an earlier version of this document. This is version 1; the "
               "current version is"),
    ],
)  # fmt: skip
def test_an_old_version_says_which_version_it_is_and_which_is_current(
    client, cited, first, language, notice
):
    import_and_publish(first.document)
    html = client.get(version_url(first, language, 1)).content.decode()
    assert notice in html
    assert f'href="{url("documents:document_detail", language, first.document.slug)}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_old_version_still_highlights_its_passages_as_they_were_cited_in_it(
    client, cited, first, language
):
    import_and_publish(first.document)
    page = client.get(version_url(first, language, 1))
    html = page.content.decode()
    for quote, citation in cited.items():
        assert f'id="cite-{citation.pk}"' in html
        anchor = html.index(f'id="cite-{citation.pk}"')
        assert re.search(r'<mark class="passage former"[^>]*>' + re.escape(quote), html[anchor:])
    shown = page.context["page"].blocks  # the text as published, every line of it
    assert normalise("\n".join("".join(p.text for p in all_pieces(b)) for b in shown)) == first.text


@pytest.mark.parametrize(
    ("language", "kept", "moved", "orphaned"),
    [
        (
            "fr",
            "Ce passage est désormais cité d’après",
            "attend qu’un relecteur la confirme",
            "Orpheline depuis la version 2",
        ),
        (
            "en",
            "This passage is now cited from",
            "waits for a reviewer to confirm it",
            "Orphaned by version 2",
        ),
    ],
)
def test_each_passage_of_an_old_version_says_what_became_of_it(
    client, cited, first, language, kept, moved, orphaned
):
    import_and_publish(first.document)
    html = client.get(version_url(first, language, 1)).content.decode()

    def told(quote):
        citation = cited[quote]
        start = html.index(f'id="cite-{citation.pk}"')
        return html[start : html.index("</span></span>", start)]

    kept_citation = cited[KEPT]
    assert kept in told(KEPT)
    assert f'href="{version_url(first, language, 2)}#cite-{kept_citation.pk}"' in told(KEPT)
    assert moved in told(MOVED)
    assert orphaned in told(ORPHANED)
    for citation in cited.values():
        assert f'href="{permanent(citation, language)}"' in html


def test_an_old_version_does_not_show_what_the_public_never_saw_there(client, first, cited):
    draft = CitationFactory(
        claim=EventFactory(publication_state=Partner.State.DRAFT), version=first, quote=KEPT
    )
    unreviewed = CitationFactory(claim=EventFactory(), version=first, reviewed=False)
    import_and_publish(first.document)
    html = client.get(version_url(first, "en", 1)).content.decode()
    assert f'id="cite-{draft.pk}"' not in html
    assert f'id="cite-{unreviewed.pk}"' not in html


def test_the_current_version_shows_only_what_is_cited_from_it(client, cited, first):
    second = import_and_publish(first.document)
    html = client.get(version_url(second, "en", 2)).content.decode()
    assert f'id="cite-{cited[KEPT].pk}"' in html
    assert f'id="cite-{cited[MOVED].pk}"' not in html  # until a reviewer confirms it
    assert f'id="cite-{cited[ORPHANED].pk}"' not in html
    assert "former" not in html


# An export made before the new version -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_links_of_an_export_made_before_a_new_version_still_answer(
    client, cited, first, language
):
    export = client.get(f"/api/v1/export/records.csv?lang={language}").content.decode()
    rows = {
        int(row["claim_id"]): row
        for row in csv.DictReader(io.StringIO(export))
        if row["claim_type"] == "event"
    }
    links = {
        quote: (rows[c.object_id]["permanent_url"], rows[c.object_id]["passage_url"])
        for quote, c in cited.items()
    }
    for quote, (permanent_url, passage_url) in links.items():
        assert permanent_url == f"http://testserver{permanent(cited[quote], language)}"
        assert passage_url.endswith(f"/versions/1/#cite-{cited[quote].pk}")

    import_and_publish(first.document)

    for quote, (permanent_url, passage_url) in links.items():
        citation = reload(cited[quote])
        followed = client.get(permanent_url, follow=True)
        assert followed.status_code == 200
        html = followed.content.decode()
        if quote == KEPT:  # led to the passage in the new version
            assert followed.redirect_chain[-1][0].endswith(f"/versions/2/#cite-{citation.pk}")
            assert f'id="cite-{citation.pk}"' in html
        else:  # the passage as it was cited, and what became of it
            assert f'<mark class="passage">{quote}</mark>' in html
            assert 'class="notice"' in html
        old = client.get(passage_url.split("#")[0]).content.decode()
        assert f'id="cite-{citation.pk}"' in old


def test_the_api_gives_each_source_its_permanent_address(client, cited):
    citation = cited[KEPT]
    item = client.get(f"/api/v1/citations/{citation.pk}/?lang=en").json()
    assert item["permanent_url"] == f"http://testserver/en/passages/{citation.pk}/"
    assert item["passage_url"].endswith(f"/versions/1/#cite-{citation.pk}")
    event = client.get(f"/api/v1/events/{citation.claim.slug}/?lang=fr").json()
    assert event["sources"][0]["permanent_url"] == (f"http://testserver/fr/passages/{citation.pk}/")


def test_the_json_download_carries_the_permanent_addresses(client, cited):
    records = client.get("/api/v1/export/records.json?lang=en").json()
    addresses = {s["permanent_url"] for e in records["events"] for s in e["sources"]}
    assert {f"http://testserver/en/passages/{c.pk}/" for c in cited.values()} <= addresses


# Query counts ----------------------------------------------------------------------------


def grow(size):
    """A document with ``size`` versions, ``size`` citations on the first one (all
    orphaned by the second), and one more that is shown in the current version."""
    first = DocumentVersionFactory(number=1)
    orphans = [
        CitationFactory(claim=EventFactory(), version=first, quote=ORPHANED) for _ in range(size)
    ]
    kept = CitationFactory(claim=EventFactory(), version=first, quote=KEPT)
    for number in range(2, size + 2):  # (texts are unique across documents too)
        import_and_publish(first.document, f"{NEW_TEXT}\n{first.document.slug} v{number}.")
    return first, orphans, reload(kept)


def test_the_passage_page_query_count_is_pinned_and_does_not_grow(
    client, django_assert_num_queries
):
    client.get(permanent(CitationFactory(claim=EventFactory()), "en"))  # content types known
    for size in (2, 12):
        first, orphans, kept = grow(size)
        with django_assert_num_queries(3):
            assert client.get(permanent(kept, "en")).status_code == 302
        with django_assert_num_queries(5):
            assert client.get(permanent(orphans[-1], "en")).status_code == 200


def test_an_old_version_page_query_count_is_pinned_and_does_not_grow(
    client, django_assert_num_queries
):
    client.get(version_url(grow(1)[0], "en", 1))  # as in a process that knows its content types
    for size in (2, 12):
        first, orphans, kept = grow(size)
        # +1: the versions of the records shown, read after them (caching.pages)
        with django_assert_num_queries(8):
            response = client.get(version_url(first, "en", 1))
        assert len(response.context["page"].former) == size + 1
