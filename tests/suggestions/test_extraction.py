"""The rules that read suggested facts in sentences (French and English), without a
database."""

from suggestions.extraction.candidates import EVENT, NEW_PARTNER, NEW_PROGRAMME, PARTICIPATION
from suggestions.extraction.extractor import Extractor
from suggestions.extraction.lexicon import KnownRecord, Lexicon
from suggestions.extraction.sentences import sentences

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
