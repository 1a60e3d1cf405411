"""What every chapter builder shares: the build context :class:`Ctx` and the number and answer
formatting of the report."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from readiness_app.model import CONSENSUS, role_label
from readiness_app.questionnaire.loader import Question
from readiness_app.report import charts as report_charts
from readiness_app.report.evidence import Statement
from readiness_app.report.language import number
from readiness_app.report.layout import (
    FONT_BOLD,
    FRAME_W,
    HEAT,
    MUTED,
    WHITE,
    BuildState,
    Heading,
    Para,
    Picture,
    Styles,
    TocEntry,
    esc,
    soft_hyphens,
)
from readiness_app.report.texts import section_title, t
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    QuestionConsensus,
)

if TYPE_CHECKING:
    from readiness_app.report.data import Branding, ReportData


TARGET_METRIC_QUESTION = "base.org.target_metric"
TARGET_CURRENT_QUESTION = "base.org.target_current"
TARGET_VALUE_QUESTION = "base.org.target_value"
OPERATING_ROLES = ("product_owner", "data_owner", "model_owner", "control_owner", "operations_lead", "sponsor")
CHECKLIST = (  # (text key, owner role)
    ("op.check.rollback", "operations_lead"),
    ("op.check.switch", "operations_lead"),
    ("op.check.triggers", "model_owner"),
    ("op.check.override", "control_owner"),
    ("op.check.escalation", "control_owner"),
    ("op.check.log", "operations_lead"),
    ("op.check.review", "product_owner"),
)


def _heat(value: float | None) -> tuple[Any, Any]:
    if value is None:
        return (WHITE, MUTED)
    return HEAT[min(3, max(0, int(value // 25)))]


class Ctx:
    """Everything a section needs: data, language, styles and the contents being collected."""

    def __init__(self, data: ReportData, lang: str, branding: Branding, styles: Styles, state: BuildState) -> None:
        self.data = data
        self.r = data.results
        self.lib = data.library
        self.lang = lang
        self.branding = branding
        self.st = styles
        self.accent = styles.accent
        self.accent_hex = "#" + styles.accent.hexval()[2:]
        self.state = state
        self.toc: list[TocEntry] = []
        self.statements: list[Statement] = []  # what the report states, for the consistency check
        self.chapter = 0
        self._sub = 0
        self.names = {p.id: p.name for p in data.participants}
        self.cons: dict[tuple[str, str], QuestionConsensus] = {(c.question_id, c.scope): c for c in self.r.consensus}
        self.owners: dict[str, list[str]] = defaultdict(list)
        for p in sorted(data.participants, key=lambda p: (p.position, p.id)):
            self.owners[p.role].append(p.name)

    def intro(self, chapter: str) -> list[Any]:
        """The chapter's opening sentence about this client (from its results), recorded for the check."""
        from readiness_app.report.evidence import chapter_intro

        s = chapter_intro(self.r, self.lib, chapter, self.lang)
        if s is None:
            return []
        self.statements.append(s)
        return [self.p(s.text, self.st.lead)]

    def num(self, value: float | None, digits: int | None = 0) -> str:
        """A number in the report's locale ("9,55" in German); ``None`` digits: up to two."""
        return number(value, self.lang, digits)

    def tr(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def p(self, text: str, style: Any = None) -> Para:
        """A paragraph of plain (user or translated) text."""
        return self.m(esc(text), style)

    def m(self, markup: str, style: Any = None, *, bulletText: str | None = None) -> Para:
        """A paragraph of prepared markup; in a table cell, long words break at syllables."""
        style = style or self.st.body
        if getattr(style, "embeddedHyphenation", 0):
            markup = soft_hyphens(markup, self.st.hyphenation)
        return Para(markup, style, bulletText=bulletText)

    # ---- headings

    def chapter_heading(self, section_id: str) -> Heading:
        self.chapter += 1
        self._sub = 0
        title = section_title(section_id, self.lang)
        key = f"sec-{section_id}"
        number = str(self.chapter)
        self.toc.append(TocEntry(0, number, title, key))
        self.state.toc_keys.append(key)
        markup = f'<font color="{self.accent_hex}">{number}</font>&nbsp;&nbsp;{esc(title)}'
        return Heading(markup, self.st.h1, key=key, level=0, title=f"{number}  {title}", accent_bar=self.accent)

    def unnumbered_heading(self, section_id: str) -> Heading:
        title = section_title(section_id, self.lang)
        key = f"sec-{section_id}"
        return Heading(esc(title), self.st.h1, key=key, level=0, title=title, accent_bar=self.accent)

    def sub_heading(self, title: str, *, level: int = 1, style: Any = None, toc: bool = True) -> Heading:
        self._sub += 1
        key = f"sub-{self.chapter}-{self._sub}"
        if toc and level == 1:
            self.toc.append(TocEntry(1, "", title, key))
            self.state.toc_keys.append(key)
        st = style or (self.st.h2 if level == 1 else self.st.h3)
        return Heading(esc(title), st, key=key, level=level, title=title)

    # ---- data helpers

    def owner_text(self, role: str, owner: str = "") -> str:
        name = owner or (self.owners.get(role) or [""])[0]
        label = role_label(role, self.lang)
        return f"{name} ({label})" if name else self.tr("rm.unnamed", role=label)

    def widths(self, *cols: float | str) -> list[float]:
        """Column widths as fractions of the frame: a number is a share of what is left, a text
        key a column just wide enough for its header (so no header word is ever split)."""
        size = self.st.cell_head.fontSize
        fixed = {i: stringWidth(self.tr(c), FONT_BOLD, size) + 9.5 for i, c in enumerate(cols) if isinstance(c, str)}
        rest = FRAME_W - sum(fixed.values())
        shares = sum(c for c in cols if not isinstance(c, str))
        return [(fixed[i] if isinstance(c, str) else rest * c / shares) / FRAME_W for i, c in enumerate(cols)]

    def fit_names(self, widths: list[float], col: int, names: list[str], *, give: tuple[int, ...]) -> list[float]:
        """``widths`` with column ``col`` wide enough for the longest word of ``names`` in bold cell type
        (a name is never broken inside a word), taken from the ``give`` columns in proportion."""
        longest = max((stringWidth(w, FONT_BOLD, self.st.cell.fontSize) for n in names for w in n.split()),
                      default=0.0)
        out = list(widths)
        need = (longest + 12) / FRAME_W * sum(out) - out[col]
        pool = sum(out[g] for g in give)
        if need > 0 and pool > 0:
            need = min(need, pool * 0.4)
            for g in give:
                out[g] -= need * out[g] / pool
            out[col] += need
        return out

    def owner_markup(self, role: str, owner: str = "") -> str:
        """Owner for a table cell: the name, and the role below it in small type."""
        name = owner or (self.owners.get(role) or [""])[0]
        label = esc(role_label(role, self.lang))
        if not name:
            return f"<font color='#C8553D'>{esc(self.tr('rm.unnamed', role=role_label(role, self.lang)))}</font>"
        return f"{esc(name)}<br/><font size='6.6' color='#5F6B73'>{label}</font>"

    def participant_name(self, pid: str) -> str:
        if pid == CONSENSUS:
            return self.tr("ap.room")
        return self.names.get(pid, pid)

    def level_label(self, level: int) -> str:
        return f"{level} {LEVEL_NAMES[level].get(self.lang)}"

    def image(self, chart: report_charts.Chart) -> Picture:
        return Picture(chart.image, chart.width_pt, chart.height_pt)


def answer_text(ctx: Ctx, q: Question, c: QuestionConsensus | None) -> str:
    """The room's answer to ``q`` as words (not escaped)."""
    if c is None:
        return ctx.tr("ap.missing")
    if c.not_applicable:
        return ctx.tr("ap.na") + (f": {c.na_reason.strip()}" if c.na_reason.strip() else "")
    v = c.value
    if v is None:
        return ctx.tr("ap.missing")
    if q.type == "scale" and isinstance(v, int | float):
        label = ""
        if float(v).is_integer() and 0 <= int(v) < len(q.levels):
            label = q.levels[int(v)].get(ctx.lang)
        number = ctx.num(v, None)
        return f"{number} – {label}" if label else number
    if q.type == "choice" and isinstance(v, str):
        opt = q.option(v)
        return opt.label.get(ctx.lang) if opt else v
    if q.type == "checklist" and isinstance(v, list):
        labels = [(q.option(x).label.get(ctx.lang) if q.option(x) else x) for x in v]  # type: ignore[union-attr]
        return "; ".join(labels) if labels else "–"
    if q.type == "number" and isinstance(v, int | float):
        unit = q.unit.get(ctx.lang) if q.unit else ""
        return f"{ctx.num(float(v), None)} {unit}".strip()
    return str(v)

