"""No production code imports the synthetic corpus: it serves benchmarks and load tests only,
so production runs, and reads, without it. The source files are read, not imported."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Production is every package at the repository's root but these.
NOT_PRODUCTION = {"synthetic", "tests", "bench"}
PRODUCTION_APPS = {
    "partners", "programmes", "documents", "search", "editorial", "opendata", "caching",
    "maintenance", "config",
}  # fmt: skip


def production_packages() -> set[str]:
    return {path.parent.name for path in ROOT.glob("*/__init__.py")} - NOT_PRODUCTION


def imported_modules(source: str) -> list[str]:
    """The absolute modules ``source`` imports (``import a.b``, ``from a.b import c``)."""
    modules = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            modules.append(node.module)
    return modules


def is_synthetic(module: str) -> bool:
    return module == "synthetic" or module.startswith("synthetic.")


def test_every_production_app_is_looked_at():
    assert PRODUCTION_APPS <= production_packages()


def test_an_import_of_the_synthetic_corpus_is_found_wherever_it_is():
    source = (
        "import synthetic\n"
        "from synthetic.prose import generate\n"
        "def load():\n"
        "    import synthetic.records.storing\n"
        "from . import synthetic_helpers\n"
        "import synthetics\n"
    )
    found = [module for module in imported_modules(source) if is_synthetic(module)]
    assert found == ["synthetic", "synthetic.prose", "synthetic.records.storing"]


def test_no_production_module_imports_the_synthetic_corpus():
    found = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in sorted(production_packages())
        for path in sorted((ROOT / package).rglob("*.py"))
        for module in imported_modules(path.read_text(encoding="utf-8"))
        if is_synthetic(module)
    ]
    assert found == []
