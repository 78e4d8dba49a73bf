"""The layout holds (docs/architecture.md): config/ is settings and wiring that no other module
imports; production code never imports the synthetic corpus; modules stay small and no app
holds most of the code. The source files are read, not imported."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NOT_PRODUCTION = {"synthetic", "tests", "bench"}
PRODUCTION_APPS = {
    "config", "partners", "programmes", "documents", "suggestions", "editorial", "search",
    "opendata", "maintenance", "caching", "periods", "api", "web",
}  # fmt: skip
MAX_MODULE_LINES = 400
MAX_SHARE_OF_ONE_APP = 0.35


def packages() -> set[str]:
    """Every folder of Python code at the repository's root (apps, shared packages, bench,
    tests), hidden ones (the virtualenv) aside."""
    return {
        folder.name
        for folder in ROOT.iterdir()
        if folder.is_dir() and not folder.name.startswith(".") and any(folder.rglob("*.py"))
    }


def modules(*tops: str, migrations: bool = True):
    for top in sorted(tops):
        for path in sorted((ROOT / top).rglob("*.py")):
            if migrations or "migrations" not in path.parts:
                yield path


def production_modules(migrations: bool = True):
    return modules(*(packages() - NOT_PRODUCTION), migrations=migrations)


def imported_modules(source: str) -> list[str]:
    """The absolute modules ``source`` imports (``import a.b``, ``from a.b import c``),
    wherever the import stands."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append(node.module)
    return found


def imports(source: str, package: str) -> bool:
    return any(
        module == package or module.startswith(f"{package}.") for module in imported_modules(source)
    )


def lines_of(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_every_app_is_looked_at():
    assert PRODUCTION_APPS <= packages() - NOT_PRODUCTION
    assert {"synthetic", "bench"} <= packages()


def test_an_import_is_found_in_every_form_and_only_of_that_package():
    source = (
        "import config.settings\n"
        "from synthetic.prose import generate\n"
        "def load():\n"
        "    import synthetic.records.storing\n"
        "from . import synthetic_helpers\n"
        "import configparser, synthetics\n"
        "from django.conf import settings\n"
    )
    assert imports(source, "config")
    assert imports(source, "synthetic")
    assert not imports("import configparser\nfrom django.conf import settings", "config")
    assert not imports("from . import synthetic\nimport synthetics", "synthetic")


def test_no_module_outside_config_imports_it():
    outside = modules(*(packages() - {"config", "tests"}))
    assert [str(p.relative_to(ROOT)) for p in outside if imports(p.read_text(), "config")] == []


def test_no_production_module_imports_the_synthetic_corpus():
    found = [
        str(path.relative_to(ROOT))
        for path in production_modules()
        if imports(path.read_text(encoding="utf-8"), "synthetic")
    ]
    assert found == []


def test_no_module_outside_migrations_and_tests_is_over_400_lines():
    code = modules(*(packages() - {"tests"}), migrations=False)
    too_long = {str(p.relative_to(ROOT)): n for p in code if (n := lines_of(p)) > MAX_MODULE_LINES}
    assert too_long == {}


def test_no_app_holds_more_than_35_percent_of_the_production_code():
    per_app = {}
    for path in production_modules(migrations=False):
        top = path.relative_to(ROOT).parts[0]
        per_app[top] = per_app.get(top, 0) + lines_of(path)
    total = sum(per_app.values())
    assert {app: n / total for app, n in per_app.items() if n / total > MAX_SHARE_OF_ONE_APP} == {}
