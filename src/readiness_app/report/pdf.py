"""The PDF report: the client deliverable with the maturity profile and the 90-day roadmap.

:func:`build_report` reads an assessment file, scores it and writes an A4 PDF in English or
German. The file is written beside the target and swapped in, so a failure or a cancel
never leaves half a file. reportlab and matplotlib are imported only when a report is built.

Layout lives in :mod:`readiness_app.report.layout`, section content in
:mod:`readiness_app.report.sections`, charts in :mod:`readiness_app.report.charts` and every
string in :mod:`readiness_app.report.texts`.

A follow-up (an assessment with a stored baseline, :mod:`readiness_app.followup.baseline`) gets the
"Progress since the baseline" chapter (section id ``movement``) and a line in the executive
summary; for a first assessment that chapter is left out. ``portfolio=`` (a
:class:`~readiness_app.followup.portfolio.Portfolio` built with ``current=`` this assessment) adds an
anonymised Benchmark to the maturity chapter.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Collection
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app.errors import ExportError
from readiness_app.messages import msg
from readiness_app.report.data import (
    DEFAULT_ACCENT,
    Branding,
    ReportData,
    default_logo_path,
    load_report_data,
)
from readiness_app.report.texts import SECTION_IDS, t

if TYPE_CHECKING:
    from readiness_app.followup.portfolio import Portfolio

__all__ = [
    "DEFAULT_ACCENT",
    "SECTION_IDS",
    "Branding",
    "ReportCancelled",
    "ReportData",
    "build_report",
    "default_logo_path",
    "load_report_data",
    "render_report",
]


# Chapters that may start on the page where the previous one ended, when over half of it is free.
SOFT_BREAK = frozenset({"maturity", "portfolio", "readiness", "roadmap", "operating", "appendix"})
SOFT_BREAK_AFTER = frozenset({"movement", "maturity", "portfolio", "readiness", "roadmap", "operating"})

log = logging.getLogger(__name__)

ProgressFn = Callable[[int], None]
CancelFn = Callable[[], bool]


class ReportCancelled(ExportError):
    """The user cancelled the report; nothing was written."""


def _check_sections(sections: Collection[str] | None) -> tuple[str, ...]:
    if sections is None:
        return SECTION_IDS
    unknown = sorted(set(sections) - set(SECTION_IDS))
    if unknown:
        raise ExportError(msg("unknown report section(s): {unknown}; choose from {known}",
                              unknown=", ".join(unknown), known=", ".join(SECTION_IDS)))
    chosen = tuple(s for s in SECTION_IDS if s in sections)
    if not chosen:
        raise ExportError(msg("the report needs at least one section"))
    return chosen


def build_report(assessment_file: Path | str, out_path: Path | str, *, lang: str | None = None,
                 sections: Collection[str] | None = None, branding: Branding | None = None,
                 progress: ProgressFn | None = None, cancel: CancelFn | None = None,
                 portfolio: Portfolio | None = None) -> None:
    """Write the PDF report of ``assessment_file`` to ``out_path``.

    ``lang``: "en" or "de" (default: the engagement's language). ``sections``: the section ids
    to include (default: all of :data:`SECTION_IDS`; ``movement`` only shows for a follow-up).
    ``portfolio``: add the anonymised benchmark to the maturity chapter. ``progress`` is called with 0..100;
    ``cancel`` is polled between sections and while pages are laid out, and a true answer
    stops the build with :class:`ReportCancelled`.
    """
    if lang not in (None, "en", "de"):
        raise ExportError(msg("unknown report language {lang}; use en or de", lang=repr(lang)))
    chosen = _check_sections(sections)
    out = Path(out_path)
    if not out.parent.is_dir():
        raise ExportError(msg("the folder does not exist"), path=str(out.parent))
    if progress:
        progress(0)
    data = load_report_data(Path(assessment_file))
    if portfolio is not None:
        data = replace(data, portfolio=portfolio)
    render_report(data, out, lang=lang or data.engagement.language, sections=chosen,
                  branding=branding, progress=progress, cancel=cancel)


def render_report(data: ReportData, out_path: Path, *, lang: str, sections: Collection[str] | None = None,
                  branding: Branding | None = None, progress: ProgressFn | None = None,
                  cancel: CancelFn | None = None) -> None:
    """Lay out and write the report of already loaded ``data`` (atomic: temp file, then replace)."""
    chosen = _check_sections(sections)
    out = Path(out_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        _write(data, tmp_name, lang="de" if lang == "de" else "en", sections=chosen,
               branding=branding or Branding(), progress=progress, cancel=cancel)
        from readiness_app.store.sqlite_file import default_permissions

        default_permissions(Path(tmp_name))  # mkstemp makes it owner-only; follow the umask like the workbooks
        os.replace(tmp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if progress:
        progress(100)


def _write(data: ReportData, filename: str, *, lang: str, sections: tuple[str, ...], branding: Branding,
           progress: ProgressFn | None, cancel: CancelFn | None) -> None:
    """Lay the report out with the length rule (:mod:`.glyphs`); when something still does not fit on
    a page, once more with the shorter limit. Every shortened text is printed in full at the end."""
    from reportlab.platypus.doctemplate import LayoutError

    from readiness_app.report.glyphs import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, shortening

    for limit in (LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT):
        with shortening(limit):
            try:
                _write_pass(data, filename, lang=lang, sections=sections, branding=branding, progress=progress,
                            cancel=cancel)
                return
            except LayoutError as exc:
                log.warning("report layout with texts up to %d characters failed: %s", limit, exc)
                failure = exc
    raise ExportError(msg("a text is too long for a page of the report even when shortened ({detail})",
                          detail=str(failure).split("\n", 1)[0][:200]))


def _write_pass(data: ReportData, filename: str, *, lang: str, sections: tuple[str, ...], branding: Branding,
                progress: ProgressFn | None, cancel: CancelFn | None) -> None:
    from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak

    from readiness_app.report.language import Hyphenation
    from readiness_app.report.layout import (
        FRAME_H,
        BuildState,
        PageDecor,
        Styles,
        hex_colour,
        register_fonts,
    )
    from readiness_app.report.sections import SECTION_BUILDERS, Ctx

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise ReportCancelled("the report was cancelled; no file was written")

    def report(value: float) -> None:
        if progress is not None:
            progress(max(0, min(99, int(value))))

    register_fonts()
    accent = hex_colour(branding.accent)
    branding = Branding(branding.consultancy, branding.logo, "#" + accent.hexval()[2:])
    styles = Styles(accent, lang, hyphenation=Hyphenation(lang, protected_names(data, lang)))
    state = BuildState()
    ctx = Ctx(data, lang, branding, styles, state)
    e = data.engagement
    client = data.client_name(lang)
    consultancy = (branding.consultancy or e.consultancy).strip()
    logo = branding.logo if branding.logo is not None else default_logo_path()
    if not logo.is_file():
        raise ExportError(msg("the logo file does not exist"), path=str(logo))
    decor = PageDecor(
        client=client, short_title=t("doc.short_title", lang), consultancy=consultancy,
        confidential=t("confidential", lang) + (f" · {consultancy}" if consultancy else ""),
        confidentiality_line=t("confidential.line", lang, client=client,
                               by=consultancy or t("confidential.by_default", lang)),
        page_label=t("page", lang), accent=accent, logo=logo, styles=styles,
    )

    check_cancel()
    report(5)
    story: list[Any] = []
    with_cover = "cover" in sections
    previous = ""
    for i, section in enumerate(sections):
        flowables = SECTION_BUILDERS[section](ctx)
        if not flowables:  # a section that does not apply (progress in a first assessment)
            continue
        if story and section in SOFT_BREAK and previous in SOFT_BREAK_AFTER:
            # a chapter starts on a new page unless more than half of the page is still free and
            # its opening (heading, introduction, first chart or table rows) fits
            story.append(CondPageBreak(max(FRAME_H * 0.5, _opening_height(flowables))))
        elif story:
            story.append(PageBreak())
        story.extend(flowables)
        previous = section
        if section == "cover":
            story.append(NextPageTemplate("body"))
        check_cancel()
        report(5 + 45 * (i + 1) / len(sections))

    _check_consistency(ctx)
    story.extend(_full_texts(styles, lang, PageBreak))
    total = max(1, len(story))

    def on_flowable(done: int) -> None:
        if done % 25 == 0:
            check_cancel()
            report(50 + 49 * min(1.0, done / total))

    state.on_flowable = on_flowable
    from reportlab import rl_config

    # Binary streams instead of ASCII85 (which reportlab encodes in pure Python without its C
    # accelerator): a quarter smaller and 0.25 s faster for the large report's charts.
    saved_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        _build(filename, decor, state, with_cover, story, client, consultancy, e.facilitator, lang)
    finally:
        rl_config.useA85 = saved_a85


def _full_texts(styles: Any, lang: str, page_break: Any) -> list[Any]:
    """The closing list of every text the length rule shortened, in full (empty when none was)."""
    from readiness_app.report.glyphs import full_texts
    from readiness_app.report.layout import Para

    texts = full_texts()
    if not texts:
        return []
    out: list[Any] = [page_break(), Para(t("fulltexts.title", lang), styles.h2),
                      Para(t("fulltexts.intro", lang), styles.muted)]
    out.extend(Para(f"[{i}] {text}", styles.body) for i, text in enumerate(texts, start=1))
    return out


def _check_consistency(ctx: Any) -> None:
    """Refuse to write a report whose statements contradict its own answers, risk flags or scores."""
    from readiness_app.report.consistency import check

    names = {u.use_case_id: u.name for u in ctx.r.use_cases}
    problems = check(ctx.r, ctx.lib, ctx.statements, ctx.lang, names)
    if problems:
        log.error("report consistency: %s", "; ".join(problems))
        raise ExportError(msg("the report contradicts its own answers ({count} problems); first: {first}",
                              count=len(problems), first=problems[0]))


def protected_names(data: ReportData, lang: str) -> list[str]:
    """Names that never break at a syllable: people, client, consultancy, use cases, product terms."""
    from readiness_app.report.glossary import protected_terms

    e = data.engagement
    return [*(p.name for p in data.participants), *(u.name for u in data.use_cases), e.client, e.consultancy,
            e.facilitator, *protected_terms(lang)]


def _opening_height(flowables: list[Any]) -> float:
    """The height a chapter's opening needs: everything up to its first picture (all of it) or
    table (a few rows), with the paragraphs' spacing; so a soft break never strands a heading."""
    from reportlab.platypus import Table

    from readiness_app.report.layout import FRAME_H, FRAME_W, Picture

    total = 0.0
    for f in flowables[:8]:
        _w, h = f.wrap(FRAME_W, FRAME_H)
        style = getattr(f, "style", None)
        space = float(getattr(style, "spaceBefore", 0) or 0) + float(getattr(style, "spaceAfter", 0) or 0)
        if isinstance(f, Table):
            return total + min(float(h), 90.0)
        total += float(h) + space
        if isinstance(f, Picture):
            return total
    return total


def _build(filename: str, decor: Any, state: Any, with_cover: bool, story: list[Any], client: str,
           consultancy: str, facilitator: str, lang: str) -> None:
    from readiness_app import __version__
    from readiness_app.report.layout import ReportDoc, canvas_class

    doc = ReportDoc(
        filename, decor, state, with_cover=with_cover,
        title=f"{client} – {t('doc.title', lang)}",
        author=consultancy or facilitator or "Readiness Studio",
        subject=t("doc.subject", lang),
        keywords=t("doc.keywords", lang),
        creator=f"Readiness Studio {__version__}",
        producer=f"Readiness Studio {__version__} (reportlab)",
        lang="de-DE" if lang == "de" else "en-GB",
        displayDocTitle=1,
    )
    doc.build(story, canvasmaker=canvas_class(state))
