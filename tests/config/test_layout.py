"""config/ is the settings, the root URLs and the servers' entry points: no other module
imports it (the rest reads the settings through ``django.conf.settings``)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules_outside_config():
    """Every Python module of the project but config/ and the tests (bench/ included)."""
    for path in sorted(ROOT.rglob("*.py")):
        top = path.relative_to(ROOT).parts[0]
        if top not in {"config", "tests"} and not top.startswith("."):
            yield path


def imported_modules(source: str):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def imports_config(source: str) -> bool:
    return any(name == "config" or name.startswith("config.") for name in imported_modules(source))


def test_the_check_sees_both_kinds_of_import():
    assert imports_config("import config.settings")
    assert imports_config("from config import urls")
    assert not imports_config("from django.conf import settings\nimport configparser")


def test_no_module_outside_config_imports_it():
    modules = list(modules_outside_config())
    assert ROOT / "bench" / "pages" / "__main__.py" in modules
    offenders = [
        str(path.relative_to(ROOT)) for path in modules if imports_config(path.read_text())
    ]
    assert offenders == []
