"""Reads the soak database directly (run as `python -m bench.soak.database MODE` with the
server's environment): the records the curator will edit, then what became of them and
whether the data is whole. Prints JSON."""

import json
import os
import sys


def targets(edits: int) -> dict:
    from documents.models import DocumentVersion
    from partners.models import Partner

    current = DocumentVersion.objects.filter(is_current=True).order_by("document__slug").first()
    partners = list(Partner.objects.order_by("pk").values_list("pk", flat=True)[:edits])
    return {
        "partners": partners,
        "document": {"pk": current.document_id, "versions": current.document.versions.count()},
        "new_text": current.text + "\n\nSoak test: one more paragraph, added by the curator.",
    }


def reviewer() -> dict:
    """The reviewer who approves the curator's edits, from SOAK_REVIEWER_USERNAME and
    SOAK_REVIEWER_PASSWORD."""
    from django.contrib.auth.models import Group, User

    from editorial.roles import REVIEWER

    user = User.objects.create_user(
        os.environ["SOAK_REVIEWER_USERNAME"],
        password=os.environ["SOAK_REVIEWER_PASSWORD"],
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=REVIEWER))
    return {"reviewer": user.username}


def check(expected: dict) -> dict:
    from django.db.models import Count, F

    from documents.anchoring import matching_slice
    from documents.models import Citation, DocumentVersion
    from partners.models import Partner

    descriptions = dict(
        Partner.objects.filter(pk__in=[int(pk) for pk in expected["edits"]]).values_list(
            "pk", "description_en"
        )
    )
    missing = [pk for pk, text in expected["edits"].items() if descriptions.get(int(pk)) != text]
    not_approved = list(
        Partner.objects.filter(pk__in=[int(pk) for pk in expected["edits"]])
        .changed_since_review()
        .values_list("pk", flat=True)
    )
    document = expected["document"]
    versions = DocumentVersion.objects.filter(document_id=document["pk"])
    bad_hashes = [
        v.pk for v in DocumentVersion.objects.all() if DocumentVersion.hash_text(v.text) != v.sha256
    ]
    misplaced = [
        c.pk
        for c in Citation.objects.supporting().select_related("version")
        if matching_slice(c.version.text, c.start, c.end) != c.quote
    ]
    several_current = list(
        DocumentVersion.objects.filter(is_current=True)
        .values("document")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values_list("document", flat=True)
    )
    return {
        "edits_expected": len(expected["edits"]),
        "edits_missing": missing,
        "edits_not_approved": not_approved,
        "versions_of_imported_document": versions.count(),
        "imported_version_current": versions.filter(
            is_current=True, text__endswith="added by the curator."
        ).exists(),
        # The four-eyes rule: the reviewer published what the curator imported.
        "imported_version_published_by_another": versions.filter(
            is_current=True, imported_by__isnull=False, published_by__isnull=False
        )
        .exclude(published_by=F("imported_by"))
        .exists(),
        "versions_with_wrong_hash": bad_hashes,
        "supporting_citations_not_at_their_quote": misplaced,
        "documents_with_several_current_versions": several_current,
        "counts": {
            "partners": Partner.objects.count(),
            "versions": DocumentVersion.objects.count(),
            "citations": Citation.objects.count(),
            "supporting_citations": Citation.objects.supporting().count(),
        },
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    mode, argument = sys.argv[1], sys.argv[2]
    if mode == "targets":
        result = targets(int(argument))
    elif mode == "reviewer":
        result = reviewer()
    else:
        result = check(json.loads(argument))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
