"""Interface strings of imported instruments (the step that asks them), in English and German.

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "step.imported": ("Imported instruments", "Importierte Instrumente"),
}
