"""Write the readout deck of an assessment: ``build_deck(FILE, OUT.pptx, template=FIRM.pptx)``.

The deck is in the assessment's language (or ``lang``), on the firm's template when one is
given (:mod:`.master`), else in the built-in look with the report's branding. Every chart is a
native PowerPoint chart (:mod:`.charts`); every text is measured to fit its box (:mod:`.writer`).
The file is written beside the target and swapped in, so a failure or a cancel never leaves
half a file. python-pptx is imported only when a deck is built.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from readiness_app.errors import ExportError
from readiness_app.messages import msg
from readiness_app.report.data import Branding, ReportData, default_logo_path, load_report_data

ProgressFn = Callable[[int], None]
CancelFn = Callable[[], bool]


class DeckCancelled(ExportError):
    """The user cancelled the deck; nothing was written."""


def build_deck(assessment_file: Path | str, out_path: Path | str, *, lang: str | None = None,
               template: Path | str | None = None, branding: Branding | None = None,
               progress: ProgressFn | None = None, cancel: CancelFn | None = None) -> None:
    """Write the readout deck of ``assessment_file`` to ``out_path`` (a .pptx).

    ``template``: a .pptx or .potx whose masters, layouts and slide size the deck uses.
    ``branding``: the built-in look's consultancy, logo and accent (as for the PDF report).
    ``progress`` is called with 0..100; ``cancel`` is polled between slides.
    """
    if lang not in (None, "en", "de"):
        raise ExportError(msg("unknown report language {lang}; use en or de", lang=repr(lang)))
    out = Path(out_path)
    if not out.parent.is_dir():
        raise ExportError(msg("the folder does not exist"), path=str(out.parent))
    if template is not None and not Path(template).is_file():
        raise ExportError(msg("the slide template does not exist"), path=str(template))
    if progress:
        progress(0)
    data = load_report_data(Path(assessment_file))
    language = lang or (data.engagement.language if data.engagement.language in ("en", "de") else "en")
    render_deck(data, out, lang=language, template=Path(template) if template else None, branding=branding,
                progress=progress, cancel=cancel)


def render_deck(data: ReportData, out_path: Path, *, lang: str, template: Path | None = None,
                branding: Branding | None = None, progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> None:
    """Build the deck of already loaded ``data`` and write it atomically."""
    from readiness_app.deck import master
    from readiness_app.deck.slides import SLIDES, Deck
    from readiness_app.deck.texts import t
    from readiness_app.deck.writer import Writer

    branding = branding or Branding()
    consultancy = (branding.consultancy or data.engagement.consultancy).strip()

    def check() -> None:
        if cancel is not None and cancel():
            raise DeckCancelled("the deck was cancelled; no file was written")

    if template is not None:
        base = master.from_template(template)
    else:
        logo = branding.logo if branding.logo is not None else default_logo_path()
        if not logo.is_file():
            raise ExportError(msg("the logo file does not exist"), path=str(logo))
        accent = _accent(branding.accent)
        footer = t("deck.confidential", lang) + (f" · {consultancy}" if consultancy else "")
        base = master.builtin(accent=accent, logo=logo, footer=footer)
    writer = Writer(base, lang, on_slide=check)
    deck = Deck(data, lang, writer, consultancy)
    for i, add in enumerate(SLIDES):
        check()
        add(deck)
        if progress:
            progress(min(95, int(5 + 90 * (i + 1) / len(SLIDES))))
    check()
    _save(base.prs, Path(out_path))
    if progress:
        progress(100)


def _accent(value: str) -> str:
    import re

    if not re.fullmatch(r"#?[0-9a-fA-F]{6}", value.strip()):
        raise ExportError(msg("the accent colour {value} is not a colour like #0E6E78", value=repr(value)))
    return "#" + value.strip().lstrip("#").upper()


def _save(prs: object, out: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        prs.save(tmp_name)  # type: ignore[attr-defined]
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
