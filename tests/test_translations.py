"""The French catalogue is complete, compiled, and actually used.

No database is needed: the checks read locale/fr/LC_MESSAGES/django.po with a small
parser, compare it with the compiled .mo, and render a few lazy strings in French.
"""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

PO_PATH = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")

# Python %-format placeholders, e.g. %(count)d, %s, %%.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translations(self):
        return [self.msgstr[k] for k in sorted(self.msgstr)]


def parse_po(path):
    """Entries of a .po file (obsolete ``#~`` entries are ignored)."""
    entries, entry, target = [], None, None

    def finish():
        if entry is not None and (entry.msgstr or entry.msgid):
            entries.append(entry)

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            finish()
            entry, target = None, None
            continue
        if line.startswith("#~"):
            continue
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):
            rest, keyword = line, None
        value = ast.literal_eval(rest)
        if keyword is not None:
            match = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
            if match:
                target = ("msgstr", int(match.group(1) or 0))
                entry.msgstr[target[1]] = ""
            elif keyword in ("msgid", "msgid_plural", "msgctxt"):
                target = (keyword, None)
                setattr(entry, keyword, "")
            else:
                raise AssertionError(f"{path}:{number}: unexpected keyword {keyword!r}")
        name, index = target
        if name == "msgstr":
            entry.msgstr[index] += value
        else:
            setattr(entry, name, getattr(entry, name) + value)
    finish()
    return entries


@pytest.fixture(scope="module")
def entries():
    assert PO_PATH.exists(), f"{PO_PATH} is missing: run makemessages -l fr"
    return parse_po(PO_PATH)


@pytest.fixture(scope="module")
def messages(entries):
    return [e for e in entries if e.msgid != ""]


def describe(entry):
    return f"line {entry.line}: {entry.msgid!r}"


def test_header_is_french(entries):
    headers = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    assert len(headers) == 1
    header = headers[0]
    assert "fuzzy" not in header.flags
    text = header.msgstr[0]
    assert "Language: fr\n" in text
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in text
    assert "charset=UTF-8" in text


def test_catalogue_is_not_empty(messages):
    assert len(messages) > 100


def test_no_fuzzy_entry(messages):
    fuzzy = [describe(e) for e in messages if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy entries:\n" + "\n".join(fuzzy)


def test_no_untranslated_entry(messages):
    expected_forms = {e.line: (2 if e.msgid_plural is not None else 1) for e in messages}
    untranslated = [
        describe(e)
        for e in messages
        if len(e.msgstr) != expected_forms[e.line] or not all(s.strip() for s in e.translations)
    ]
    assert not untranslated, "untranslated entries:\n" + "\n".join(untranslated)


def test_placeholders_are_kept(messages):
    wrong = []
    for e in (e for e in messages if "python-format" in e.flags):
        wanted = sorted(PLACEHOLDER.findall(e.msgid_plural or e.msgid))
        for translated in e.translations:
            if sorted(PLACEHOLDER.findall(translated)) != wanted:
                wrong.append(f"{describe(e)} -> {translated!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_compiled_catalogue_matches_po(messages):
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run compilemessages"
    with MO_PATH.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for e in messages:
        key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural is None:
            compiled = catalogue._catalog.get(key)
            if compiled != e.msgstr[0]:
                stale.append(f"{describe(e)}: .mo has {compiled!r}")
        else:
            for index, translated in e.msgstr.items():
                compiled = catalogue._catalog.get((key, index))
                if compiled != translated:
                    stale.append(f"{describe(e)}[{index}]: .mo has {compiled!r}")
    assert not stale, "the .mo is out of date, run compilemessages:\n" + "\n".join(stale)


def test_model_names_render_in_french():
    from documents.models import Citation, DocumentVersion, SourceDocument
    from partners.models import Event, Partner, Relationship
    from programmes.models import Participation

    with translation.override("fr"):
        assert str(Citation._meta.verbose_name) == "citation"
        assert str(Citation._meta.get_field("prefix").verbose_name) == "texte avant"
        assert str(Citation._meta.get_field("suffix").verbose_name) == "texte après"
        assert str(SourceDocument._meta.verbose_name) == "document source"
        assert str(DocumentVersion._meta.verbose_name) == "version du document"
        assert str(Partner._meta.verbose_name_plural) == "partenaires"
        assert str(Relationship._meta.verbose_name) == "relation"
        assert str(Event._meta.verbose_name) == "événement"
        assert str(Participation._meta.verbose_name) == "participation"
        assert dict(Partner._meta.get_field("kind").choices)["state"] == "État"

    with translation.override("en"):
        assert str(Citation._meta.get_field("prefix").verbose_name) == "text before"
        assert str(Partner._meta.verbose_name_plural) == "partners"


def test_anchor_error_messages_render_in_french():
    from documents.models import ANCHOR_ERROR_MESSAGES

    with translation.override("fr"):
        absent = str(ANCHOR_ERROR_MESSAGES["absent"])
        ambiguous = ANCHOR_ERROR_MESSAGES["ambiguous"] % {"count": 3}
    assert absent.startswith("Cette citation ne figure pas dans la version du document choisie.")
    assert ambiguous.startswith("Cette citation figure 3 fois")

    with translation.override("en"):
        assert str(ANCHOR_ERROR_MESSAGES["absent"]).startswith("This quote does not occur")


def test_date_form_messages_render_in_french():
    from periods.forms import PreciseDateField

    with translation.override("fr"):
        date_field = PreciseDateField()
        assert str(date_field.error_messages["invalid"]).startswith("Saisissez une date")
        assert str(date_field.help_text).startswith("AAAA, AAAA-MM ou AAAA-MM-JJ")
