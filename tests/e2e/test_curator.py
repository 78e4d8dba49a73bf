"""A curator in the admin, with a real browser: a quote the document does not contain is
refused with the reason; once corrected and submitted, another person — a reviewer —
reviews and publishes it (the four-eyes rule), and the event is public."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from editorial.roles import ensure_roles

QUOTE = "la Serbie a adhéré au Partenariat pour la paix"
PASSWORD = "a-long-enough-test-password"


def member_of(group: str, username: str) -> User:
    ensure_roles()  # the groups come from a migration, and a browser test flushes the database
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def curator(site):
    return member_of("Curator", "carl")


@pytest.fixture
def reviewer(site):
    return member_of("Reviewer", "rita")


def log_in(page, site, user):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill(user.username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page).to_have_url(f"{site}/admin/")


def choose(page, select_id, search, option):
    """Pick ``option`` in one of the admin's autocomplete boxes (select2)."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_a_curator_fixes_a_refused_quote_and_a_reviewer_publishes_the_event(
    site, page, curator, reviewer
):
    title = "Adhésion de la Serbie au PPP, vue du navigateur"
    log_in(page, site, curator)

    page.goto(f"{site}/admin/partners/event/add/")
    page.locator("#id_slug").fill("serbia-pfp-browser")
    choose(page, "id_relationship", "OTAN", "OTAN – Serbie")
    page.locator("#id_kind").select_option("accession")
    page.locator("#id_title_fr").fill(title)
    page.locator("#id_date").fill("2006")
    page.locator(".add-row a").first.click()
    choose(
        page,
        "id_documents-citation-content_type-object_id-0-version",
        "Serbie",
        "Relations avec la Serbie",
    )
    quote = page.locator("#id_documents-citation-content_type-object_id-0-quote")
    quote.fill("la Serbie a rejoint l'Alliance en 2006")
    page.locator("input[name=_continue]").click()

    expect(page.locator(".errorlist").first).to_contain_text("ne figure pas")
    quote = page.locator("#id_documents-citation-content_type-object_id-0-quote")
    quote.fill(QUOTE)
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()

    page.locator("button[name=_transition][value=submit]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()

    page.context.clear_cookies()
    log_in(page, site, reviewer)

    page.goto(f"{site}/admin/documents/citation/?q=" + QUOTE.replace(" ", "+"))
    page.locator("tr", has_text=title).locator("input.action-select").check()
    page.locator("select[name=action]").select_option("review_citations")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()

    page.goto(f"{site}/admin/partners/event/?q=serbia-pfp-browser")
    page.locator("#result_list a", has_text=title).first.click()
    page.locator("button[name=_transition][value=publish]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()

    page.goto(f"{site}/fr/relations/nato-serbia/")
    event = page.locator("li.event", has_text=title)
    expect(event).to_be_visible()
    event.locator("sup.footnote-ref a").click()
    expect(page.locator(".footnotes li:target blockquote")).to_contain_text(QUOTE)
