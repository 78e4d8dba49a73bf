"""Suggested facts: the rules that read sentences (French and English), suggestions stored
on import, accepted or rejected in the admin, and their measured quality on the seed."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from documents import importing, suggestions
from documents.date_expressions import find_dates
from documents.importing import import_document
from documents.models import Citation, Suggestion
from documents.sources import RawSource
from documents.suggesting import (
    EVENT,
    NEW_PARTNER,
    NEW_PROGRAMME,
    PARTICIPATION,
    Extractor,
    KnownRecord,
    Lexicon,
    sentences,
)
from documents.suggestion_quality import TARGET_PRECISION, TARGET_RECALL, measure_seed_suggestions
from partners.models import Event, Partner, PartnerAlias
from programmes.models import Participation, Programme
from tests.factories import (
    PartnerFactory,
    ProgrammeFactory,
    RelationshipFactory,
    SourceDocumentFactory,
)

# The rules, without a database -------------------------------------------------------------

LEXICON = Lexicon(
    partners=(
        KnownRecord("serbia", ("Serbie", "Serbia", "République de Serbie", "Republic of Serbia")),
        KnownRecord("belarus", ("Bélarus", "Belarus", "Biélorussie")),
        KnownRecord(
            "nato",
            ("Organisation du Traité de l'Atlantique Nord", "North Atlantic Treaty Organization"),
            ("OTAN", "NATO"),
        ),
        KnownRecord(
            "osce", ("Organisation pour la sécurité et la coopération en Europe",), ("OSCE",)
        ),
        KnownRecord("magistrate", ("magistrat de liaison", "liaison magistrate")),
        KnownRecord("eu", ("Union européenne", "European Union"), ("UE", "EU")),
        KnownRecord("un", ("Nations Unies", "United Nations"), ("ONU", "UN")),
    ),
    programmes=(
        KnownRecord(
            "pfp", ("Partenariat pour la paix", "Partnership for Peace"), ("PPP", "PfP"), "nato"
        ),
        KnownRecord(
            "eapc",
            ("Conseil de partenariat euro-atlantique", "Euro-Atlantic Partnership Council"),
            ("CPEA", "EAPC"),
            "nato",
        ),
        KnownRecord(
            "staff-talks",
            ("Entretiens de travail annuels entre les secrétariats de l'OTAN et de l'OSCE",),
        ),
        KnownRecord("pole", ("Pôle français d'expertise sur la sécurité en Europe du sud-est",)),
        KnownRecord("ifor", ("Force de mise en œuvre", "Implementation Force"), ("IFOR",)),
    ),
)
EXTRACTOR = Extractor(LEXICON)


def read(text, **context):
    return EXTRACTOR.extract(text, **context)


def of_kind(candidates, kind):
    return [c for c in candidates if c.kind == kind]


@pytest.mark.parametrize(
    ("sentence", "date", "end", "relation"),
    [
        ("La Serbie a adhéré au PPP en 2006.", "2006", "", "at"),
        ("Les relations ont débuté depuis 1992.", "1992", "", "since"),
        ("Le bureau a été établi en décembre 2006.", "2006-12", "", "at"),
        ("Le 7 juin 2019, une formation était clôturée.", "2019-06-07", "", "at"),
        ("The office was established in December 2006.", "2006-12", "", "at"),
        ("A workshop was held on 1–2 October 2014 in Brussels.", "2014-10-01", "2014-10-02", "at"),
        ("Serbia has taken part since 2012.", "2012", "", "since"),
        ("It was signed on June 7, 2019.", "2019-06-07", "", "at"),
        ("De janvier 1998 à mars 1999, une mission a eu lieu.", "1998-01", "1999-03", "at"),
        ("Un projet achevé en 2011 a aidé six mille personnes.", "2011", "", "ended"),
        ("Le plan couvre la période 2017-2020.", "2017", "2020", "at"),
    ],
)
def test_dates_are_read_at_their_precision_in_french_and_english(sentence, date, end, relation):
    (found,) = find_dates(sentence)
    assert (found.isoformat(), found.end_isoformat(), found.relation) == (date, end, relation)


def test_a_date_relative_to_the_document_is_dated_from_its_stated_update():
    reference = datetime.date(2014, 10, 20)
    (workshop,) = find_dates(
        "Un atelier a réuni, les 1er et 2 octobre derniers, vingt agents.", reference
    )
    assert (workshop.isoformat(), workshop.end_isoformat()) == ("2014-10-01", "2014-10-02")
    (summit,) = find_dates("Elle a été réaffirmée en septembre dernier au sommet.", reference)
    assert summit.isoformat() == "2014-09"


def test_deadlines_and_decades_are_not_dates_of_facts():
    assert find_dates("Les objectifs sont à atteindre d'ici 2024, by 2030.") == []
    assert find_dates("Depuis le début des années 90 et the 1990s.") == []


def test_sentences_keep_abbreviations_and_wrapped_lines_and_drop_bullets():
    text = (
        "  • M. Shea a parlé le 18 Oct. 2018 à Bruxelles. Il a conclu.\n"
        "Sur la base de l'accord\nmilitaro-technique de 1999."
    )
    spans = [text[start:end] for start, end in sentences(text)]
    assert spans == [
        "M. Shea a parlé le 18 Oct. 2018 à Bruxelles.",
        "Il a conclu.",
        "Sur la base de l'accord\nmilitaro-technique de 1999.",
    ]


def test_a_french_sentence_suggests_a_participation_and_an_event():
    text = "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006."
    participation, event = read(text, publisher="nato")
    assert (participation.kind, participation.partner, participation.programme) == (
        PARTICIPATION,
        "serbia",
        "pfp",
    )
    assert participation.date.isoformat() == "2006"
    assert (event.kind, event.date.isoformat(), event.event_kind) == (EVENT, "2006", "accession")
    assert (event.start, event.end, event.quote) == (0, len(text), text)


def test_an_english_sentence_names_the_programme_by_its_english_acronym():
    text = "In December 2006, the Republic of Serbia joined the PfP."
    (participation,) = of_kind(read(text), PARTICIPATION)
    assert (participation.partner, participation.programme) == ("serbia", "pfp")
    assert participation.date.isoformat() == "2006-12"
    (event,) = of_kind(read(text), EVENT)
    assert event.date.isoformat() == "2006-12" and event.partners == ("serbia",)


def test_a_partner_is_known_by_any_of_its_aliases():
    (participation,) = of_kind(read("La Biélorussie a rejoint le PPP en 1995."), PARTICIPATION)
    assert participation.partner == "belarus"


def test_a_programme_is_known_by_its_french_acronym_and_its_english_name():
    french = of_kind(read("Le Bélarus est membre du CPEA."), PARTICIPATION)
    english = of_kind(read("Belarus joined the Euro-Atlantic Partnership Council."), PARTICIPATION)
    assert [c.programme for c in french] == [c.programme for c in english] == ["eapc"]
    assert french[0].role == "member"


def test_a_programme_is_known_by_most_of_the_words_of_its_name():
    text = (
        "Depuis 1998, les secrétariats de l'OTAN et de l'OSCE organisent chaque année "
        "des entretiens de travail."
    )
    pairs = {(c.partner, c.programme) for c in of_kind(read(text), PARTICIPATION)}
    assert pairs == {("nato", "staff-talks"), ("osce", "staff-talks")}


def test_a_short_name_is_known_by_its_words_only_when_they_stand_together():
    text = (
        "La Serbie poursuit la mise en œuvre de réformes ambitieuses, durables et profondes "
        "dans tout le secteur de la défense, au bénéfice de ses forces."
    )
    assert of_kind(read(text), PARTICIPATION) == []
    (participation,) = of_kind(
        read("La Serbie a rejoint la force de mise en œuvre."), PARTICIPATION
    )
    assert participation.programme == "ifor"


def test_a_definite_article_refers_to_the_programme_named_before():
    text = (
        "La France œuvre via le pôle français d'expertise sur la sécurité en Europe du sud-est. "
        "Le magistrat de liaison contribue aux travaux du pôle."
    )
    pairs = [(c.partner, c.programme) for c in of_kind(read(text), PARTICIPATION)]
    assert ("magistrate", "pole") in pairs


def test_in_a_sentence_naming_many_partners_only_close_pairs_are_suggested():
    text = "La Serbie a adhéré au PPP en 2006, et le CPEA réunit l'OSCE, l'ONU et l'UE."
    pairs = {(c.partner, c.programme) for c in of_kind(read(text), PARTICIPATION)}
    assert pairs == {("serbia", "pfp"), ("osce", "eapc"), ("un", "eapc"), ("eu", "eapc")}


def test_the_publisher_is_not_suggested_in_a_programme_it_runs():
    text = "Dans le cadre du PPP, l'OTAN et le Bélarus coopèrent."
    partners = {c.partner for c in of_kind(read(text, publisher="nato"), PARTICIPATION)}
    assert partners == {"belarus"}


def test_a_sentence_that_refers_back_takes_the_partner_before_it():
    text = "La Serbie coopère avec l'OTAN. Elle a adhéré au PPP en 2006."
    participations = of_kind(read(text, publisher="nato"), PARTICIPATION)
    assert [(c.partner, c.programme) for c in participations] == [("serbia", "pfp")]


def test_a_programme_without_a_partner_belongs_to_the_partner_of_the_title():
    text = "Le PPP soutient la réforme de la défense."
    (participation,) = read(text, publisher="nato", title="Relations avec la Serbie")
    assert (participation.partner, participation.programme) == ("serbia", "pfp")


def test_an_unknown_acronym_in_parentheses_is_a_candidate_new_programme():
    text = "Serbia takes part in the Defence Education Enhancement Programme (DEEP)."
    (new,) = of_kind(read(text), NEW_PROGRAMME)
    assert (new.name, new.acronym) == ("Defence Education Enhancement Programme", "DEEP")
    french = "Le Bélarus participe au programme individuel de partenariat et de coopération (IPCP)."
    (new,) = of_kind(read(french), NEW_PROGRAMME)
    assert (new.name, new.acronym) == (
        "programme individuel de partenariat et de coopération",
        "IPCP",
    )


def test_an_unknown_acronym_of_an_organisation_is_a_candidate_new_partner():
    text = "Le projet a été mené par l'Organisation internationale pour les migrations (OIM)."
    (new,) = of_kind(read(text), NEW_PARTNER)
    assert (new.name, new.acronym) == ("Organisation internationale pour les migrations", "OIM")


def test_known_acronyms_are_not_suggested_as_new():
    assert of_kind(read("La Serbie et l'OTAN coopèrent (PfP)."), NEW_PROGRAMME) == []


# Stored suggestions ------------------------------------------------------------------------

TEXT = (
    "Relations avec la Serbie\n"
    "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006.\n"
    "La Serbie participe au programme de formation (DEEP) depuis 2014.\n"
)


@pytest.fixture
def known(db):
    nato = PartnerFactory(
        slug="nato",
        name_fr="Organisation du Traité de l'Atlantique Nord",
        acronym_fr="OTAN",
        acronym_en="NATO",
    )
    serbia = PartnerFactory(
        slug="serbia", kind=Partner.Kind.STATE, name_fr="Serbie", name_en="Serbia"
    )
    PartnerAlias.objects.create(partner=serbia, name="République de Serbie", language="fr")
    pfp = ProgrammeFactory(
        slug="pfp",
        name_fr="Partenariat pour la paix",
        name_en="Partnership for Peace",
        acronym_fr="PPP",
        acronym_en="PfP",
        run_by=nato,
    )
    relationship = RelationshipFactory(slug="nato-serbia", subject=nato, counterpart=serbia)
    document = SourceDocumentFactory(slug="serbia", publisher=nato, language="fr")
    return {
        "nato": nato,
        "serbia": serbia,
        "pfp": pfp,
        "relationship": relationship,
        "document": document,
    }


def imported(known, text=TEXT):
    return import_document(RawSource(text, False, "serbia.txt"), document=known["document"])


def test_suggestions_are_stored_on_import_with_their_anchored_sentence(known):
    result = imported(known)
    stored = list(Suggestion.objects.filter(version=result.version))
    assert result.suggested_facts == len(stored) == 4
    participation = next(s for s in stored if s.kind == Suggestion.Kind.PARTICIPATION)
    assert (participation.partner, participation.programme) == (known["serbia"], known["pfp"])
    assert str(participation.date) == "2006" and participation.date.precision == "year"
    assert participation.quote == "La Serbie a adhéré au Partenariat pour la paix (PPP) en 2006."
    view = result.version.text.replace("\n", " ")
    assert view[participation.start : participation.end] == participation.quote
    assert participation.status == Suggestion.Status.PENDING and 0 < participation.confidence <= 1
    events = [s for s in stored if s.kind == Suggestion.Kind.EVENT]
    assert sorted(s.date.isoformat() for s in events) == ["2006", "2014"]
    assert list(events[0].partners.all()) == [known["serbia"]]
    (new,) = [s for s in stored if s.kind == Suggestion.Kind.NEW_PROGRAMME]
    assert (new.acronym, new.name) == ("DEEP", "programme de formation")


def test_a_failure_while_suggesting_leaves_the_database_unchanged(known, monkeypatch):
    def failing(version):
        raise RuntimeError("injected")

    monkeypatch.setattr(importing, "suggest_facts", failing)
    with pytest.raises(RuntimeError):
        imported(known)
    assert not known["document"].versions.exists()
    assert not Suggestion.objects.exists()


def test_facts_already_on_record_are_not_suggested(known):
    Participation.objects.create(
        partner=known["serbia"], programme=known["pfp"], role="participant", start="2006"
    )
    result = imported(known)
    kinds = set(Suggestion.objects.filter(version=result.version).values_list("kind", flat=True))
    assert Suggestion.Kind.PARTICIPATION not in kinds


def test_a_rejected_suggestion_is_not_proposed_again_on_later_imports(known):
    first = imported(known)
    participation = Suggestion.objects.get(
        version=first.version, kind=Suggestion.Kind.PARTICIPATION
    )
    suggestions.reject(participation)
    second = imported(known, TEXT + "L'OTAN a ouvert un bureau à Belgrade en décembre 2006.\n")
    again = Suggestion.objects.filter(version=second.version)
    assert not again.filter(fingerprint=participation.fingerprint).exists()
    assert again.filter(kind=Suggestion.Kind.EVENT, start_date=datetime.date(2006, 12, 1)).exists()
    participation.refresh_from_db()
    assert participation.status == Suggestion.Status.REJECTED  # remembered, on its version


def test_pending_suggestions_follow_the_current_version(known):
    first = imported(known)
    second = imported(known, TEXT + "Une phrase de plus.\n")
    assert not Suggestion.objects.filter(version=first.version).exists()
    assert Suggestion.objects.filter(version=second.version).count() == 4


def test_the_suggest_facts_command_reads_a_stored_version(known, capsys):
    version = imported(known).version
    Suggestion.objects.all().delete()
    call_command("suggest_facts", "serbia", "--number", str(version.number))
    assert Suggestion.objects.filter(version=version).count() == 4
    call_command("suggest_facts", "serbia")  # again: nothing new
    assert Suggestion.objects.count() == 4
    assert "4 fact(s) suggested" in capsys.readouterr().out


# The admin ---------------------------------------------------------------------------------

SUGGESTIONS = reverse("admin:documents_suggestion_changelist")


def accept_url(suggestion):
    return reverse("admin:documents_suggestion_accept", args=[suggestion.pk])


def form_data(response):
    """What the accept form posts back, unchanged."""
    data = {}
    for field in response.context["form"]:
        value = field.value()
        if value in (None, ""):
            continue
        data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


@pytest.fixture
def pending(known):
    version = imported(known).version
    return {s.kind: s for s in Suggestion.objects.filter(version=version).order_by("start")}


def test_the_list_filters_by_kind_status_and_document(admin_client, pending):
    response = admin_client.get(SUGGESTIONS, {"kind": "event"})
    assert {s.kind for s in response.context["cl"].result_list} == {"event"}
    response = admin_client.get(SUGGESTIONS, {"status": "rejected"})
    assert list(response.context["cl"].result_list) == []
    document = pending["event"].version.document
    response = admin_client.get(SUGGESTIONS, {"version__document__id__exact": document.pk})
    assert len(response.context["cl"].result_list) == 4
    assert "Accept or reject" in response.content.decode()


def test_a_suggestion_shows_its_sentence_in_context(admin_client, pending):
    suggestion = pending["participation"]
    url = reverse("admin:documents_suggestion_change", args=[suggestion.pk])
    page = admin_client.get(url).content.decode()
    assert f"<mark>{suggestion.quote}</mark>" in page
    assert accept_url(suggestion) in page
    french = admin_client.get(accept_url(suggestion), HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 200


def test_accepting_a_participation_creates_it_with_its_verified_citation(admin_client, pending):
    suggestion = pending["participation"]
    page = admin_client.get(accept_url(suggestion))
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["partner"].slug == "serbia" and form.initial["programme"].slug == "pfp"
    data = {**form_data(page), "role": "member"}  # edited before saving
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    participation = Participation.objects.get()
    assert (participation.partner.slug, participation.programme.slug) == ("serbia", "pfp")
    assert participation.role == "member" and str(participation.start) == "2006"
    (citation,) = Citation.objects.for_claim(participation)
    assert citation.status == Citation.Status.VERIFIED
    assert citation.quote == suggestion.quote and citation.version == suggestion.version
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED and suggestion.record == participation


def test_accepting_an_event_with_a_shorter_quote_cites_that_part(admin_client, known, pending):
    suggestion = next(
        s for s in Suggestion.objects.filter(kind="event") if s.date.isoformat() == "2006"
    )
    page = admin_client.get(accept_url(suggestion))
    assert page.context["form"].initial["relationship"] == known["relationship"]
    data = {**form_data(page), "quote": "adhéré au Partenariat pour la paix (PPP) en 2006"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert (event.kind, event.date.isoformat(), event.relationship) == (
        "accession",
        "2006",
        known["relationship"],
    )
    assert list(event.partners.all()) == [known["serbia"]]
    (citation,) = Citation.objects.for_claim(event)
    assert citation.quote == "adhéré au Partenariat pour la paix (PPP) en 2006"


def test_a_quote_that_is_not_in_the_text_is_refused_and_nothing_is_saved(admin_client, pending):
    suggestion = pending["participation"]
    data = {**form_data(admin_client.get(accept_url(suggestion))), "quote": "ne figure pas"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 200
    assert "does not occur" in str(response.context["form"].errors["quote"])
    assert not Participation.objects.exists() and not Citation.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.is_pending


def test_accepting_a_new_programme_creates_it_with_its_citation(admin_client, pending):
    suggestion = pending["new_programme"]
    page = admin_client.get(accept_url(suggestion))
    data = {**form_data(page), "name_en": "Defence Education Enhancement Programme"}
    response = admin_client.post(accept_url(suggestion), data)
    assert response.status_code == 302, response.context["form"].errors
    programme = Programme.objects.get(acronym_fr="DEEP")
    assert programme.slug == "deep" and programme.kind == Programme.Kind.PROGRAMME
    assert Citation.objects.for_claim(programme).get().quote == suggestion.quote


def test_rejecting_in_the_admin_is_remembered(admin_client, pending):
    suggestion = pending["participation"]
    response = admin_client.post(accept_url(suggestion), {"_reject": "1"})
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.REJECTED
    assert admin_client.get(accept_url(suggestion)).status_code == 302  # decided already
    event = pending["event"]
    admin_client.post(SUGGESTIONS, {"action": "reject_suggestions", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Suggestion.Status.REJECTED


def test_the_import_page_links_to_the_suggested_facts(admin_client, known):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("serbia.txt", TEXT.encode(), content_type="text/plain")
    response = admin_client.post(
        reverse("admin:documents_sourcedocument_import"),
        {"upload": upload, "document": known["document"].pk, "kind": "web_page"},
        follow=True,
    )
    assert "4 fact(s) suggested by the new text." in response.content.decode()


# Quality on the seed corpus ----------------------------------------------------------------


def test_suggestions_meet_the_recall_and_precision_targets_on_the_seed(db):
    measure = measure_seed_suggestions()
    overall = measure.overall
    assert measure.documents == 5
    assert overall.curated == 156  # every curated participation and event of the seed
    assert overall.recall >= TARGET_RECALL, measure.missed
    assert overall.precision >= TARGET_PRECISION, measure.unmatched
    assert not Participation.objects.exists()  # the seed was loaded, then rolled back


def test_the_measure_command_prints_the_figures(db, capsys):
    call_command("measure_suggestions", "--check")
    out = capsys.readouterr().out
    assert "recall" in out and "precision" in out
