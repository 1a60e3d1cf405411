"""The layers stay apart: the core imports no Qt; scoring imports no storage, export or file formats."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "readiness_app"

# What scoring/ must not import: storage, persistence and file formats, and anything Qt.
SCORING_FORBIDDEN = (
    "readiness_app.store", "readiness_app.demo", "readiness_app.cli", "readiness_app.ui",
    "readiness_app.report", "readiness_app.excel", "readiness_app.followup",
    "sqlite3", "sqlite_utils", "openpyxl", "reportlab", "matplotlib", "PySide6",
)


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module named by an import statement (relative imports resolved), anywhere in the file."""
    found: set[str] = set()
    base = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - (node.level - 1)]
                target = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in files:
        mod = module_name(path)
        for name in sorted(imported_modules(path.read_text(encoding="utf-8"), mod,
                                            is_package=path.name == "__init__.py")):
            if any(name == f or name.startswith(f + ".") or name.startswith(f + "_") for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE.parent)}: imports {name}")
    return out


def core_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1])


def scoring_files() -> list[Path]:
    return sorted((PACKAGE / "scoring").rglob("*.py"))


def test_the_scanner_sees_what_it_must() -> None:
    source = (
        "import os\n"
        "from PySide6.QtWidgets import QWidget\n"
        "def f():\n    import sqlite3\n"
        "from ..store.assessment_file import AssessmentFile\n"
        "from . import engine\n"
    )
    found = imported_modules(source, "readiness_app.scoring.x")
    assert {"os", "PySide6.QtWidgets", "sqlite3", "readiness_app.store.assessment_file",
            "readiness_app.store.assessment_file.AssessmentFile", "readiness_app.scoring.engine"} <= found
    assert imported_modules("from . import x", "readiness_app.scoring", is_package=True) >= {"readiness_app.scoring.x"}


def test_the_scan_covers_the_package() -> None:
    names = {module_name(p) for p in core_files()}
    assert {"readiness_app.store.assessment_file", "readiness_app.cli", "readiness_app.demo", "readiness_app.model"} <= names
    assert not any(n.startswith("readiness_app.ui") for n in names)
    assert scoring_files(), "scoring/ exists"


def test_core_imports_no_qt() -> None:
    assert _violations(core_files(), ("PySide6", "shiboken6", "readiness_app.ui")) == []


def test_scoring_imports_no_storage_export_or_file_formats() -> None:
    assert _violations(scoring_files(), SCORING_FORBIDDEN) == []


@pytest.mark.parametrize("module", ["readiness_app.cli", "readiness_app.store.assessment_file", "readiness_app.scoring"])
def test_heavy_libraries_load_lazily(module: str) -> None:
    """The command line and the core start fast: no Qt, matplotlib, reportlab or openpyxl on import."""
    code = (
        f"import sys, {module}\n"
        "heavy = [m for m in ('PySide6', 'matplotlib', 'reportlab', 'openpyxl') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""
