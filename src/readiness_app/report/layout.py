"""Page layout of the PDF report: fonts, styles, page templates, headings, contents and tables.

Imports reportlab at module level: import this module only when a report is built
(:mod:`readiness_app.report.pdf` does so inside :func:`~readiness_app.report.pdf.build_report`).

One layout pass: page numbers in the contents and the "of N" in the footer are PDF form
XObjects drawn where they are needed and defined once the last page is known, so the
document is laid out once (no ``multiBuild``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from readiness_app.errors import ExportError
from readiness_app.messages import msg
from readiness_app.report.language import Hyphenation
from readiness_app.report.language import soft_hyphens as _soft_hyphens
from readiness_app.resources import asset_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf"}

PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1D2B36")
MUTED = colors.HexColor("#5F6B73")
RULE = colors.HexColor("#D5DBE0")
ZEBRA = colors.HexColor("#F4F6F8")
WHITE = colors.white

HEAT = (  # 0-24, 25-49, 50-74, 75-100: (background, text)
    (colors.HexColor("#D8674F"), WHITE),
    (colors.HexColor("#F2B866"), INK),
    (colors.HexColor("#B9DDB0"), INK),
    (colors.HexColor("#5FAE7E"), WHITE),
)
SEVERITY_COLOURS = {"high": colors.HexColor("#C8553D"), "medium": colors.HexColor("#D99A2B"),
                    "low": colors.HexColor("#7C8A93")}

_fonts_ready = False


def register_fonts() -> None:
    """Register the bundled DejaVu fonts (embedded as subsets in every report)."""
    global _fonts_ready
    if _fonts_ready:
        return
    from reportlab.lib.fonts import addMapping

    folder = asset_path("fonts")
    for name, file_name in _FONT_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise ExportError(msg("the report font is missing; reinstall Readiness Studio"), path=str(path))
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD)
    _fonts_ready = True


def hex_colour(value: str) -> Any:
    if not re.fullmatch(r"#?[0-9a-fA-F]{6}", value.strip()):
        raise ExportError(msg("the accent colour {value} is not a colour like #0E6E78", value=repr(value)))
    return colors.HexColor("#" + value.strip().lstrip("#"))


def tint(colour: Any, weight: float) -> Any:
    """``colour`` blended towards white (weight 1 = the colour itself)."""
    r, g, b = colour.red, colour.green, colour.blue
    return colors.Color(1 - weight * (1 - r), 1 - weight * (1 - g), 1 - weight * (1 - b))


def esc(text: str) -> str:
    """User text as paragraph markup: escaped, line breaks kept, every character with a glyph (fallback
    fonts), shortened with a mark when over the length rule (see :mod:`readiness_app.report.glyphs`)."""
    from readiness_app.report.glyphs import user_text

    return user_text(text)


# --------------------------------------------------------------------------- hyphenation


def hyphenator(lang: str, protected: Iterable[str] = ()) -> Hyphenation:
    """Hyphenation for ``lang`` (pyphen's patterns, filtered by :mod:`.language`'s rules)."""
    return Hyphenation(lang, protected)


def soft_hyphens(markup: str, lang: str | Hyphenation) -> str:
    """``markup`` with soft hyphens at the good break points of every long word (see
    :func:`readiness_app.report.language.soft_hyphens`)."""
    hyph = lang if isinstance(lang, Hyphenation) else Hyphenation(lang)
    return _soft_hyphens(markup, hyph)


# --------------------------------------------------------------------------- styles


class Styles:
    """Every paragraph style of the report, derived from one accent colour."""

    def __init__(self, accent: Any, lang: str = "en", hyphenation: Hyphenation | None = None) -> None:
        self.accent = accent
        self.hyphenation = hyphenation or Hyphenation(lang)
        base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9, leading=13.2, textColor=INK,
                              spaceAfter=5, splitLongWords=1)
        self.body = base
        self.lead = ParagraphStyle("lead", base, fontSize=10, leading=14.5, spaceAfter=8)
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=10, spaceAfter=2)
        self.muted = ParagraphStyle("muted", base, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=4)
        self.bullet = ParagraphStyle("bullet", base, fontSize=8, leading=11, leftIndent=10, bulletIndent=1,
                                     spaceAfter=1.5)
        self.note = ParagraphStyle("note", base, fontName=FONT_ITALIC, fontSize=8.2, leading=11.5,
                                   leftIndent=10, spaceAfter=2, textColor=INK)
        self.h1 = ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=20, leading=25, spaceBefore=30,
                                 spaceAfter=12, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=12,
                                 spaceAfter=6, keepWithNext=1, textColor=INK)
        self.h3 = ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=9.5, leading=13, spaceBefore=9,
                                 spaceAfter=2, keepWithNext=1)
        self.h4 = ParagraphStyle("h4", base, fontName=FONT_BOLD, fontSize=8.5, leading=12, spaceBefore=8,
                                 spaceAfter=4, keepWithNext=1, textColor=accent)
        self.h5 = ParagraphStyle("h5", base, fontName=FONT_BOLD, fontSize=7.8, leading=10.5, spaceBefore=5,
                                 spaceAfter=1.5, keepWithNext=1)
        self.label = ParagraphStyle("label", base, fontName=FONT_BOLD, fontSize=7.2, leading=9.5,
                                    textColor=accent, spaceAfter=0)
        self.cell = ParagraphStyle("cell", base, fontSize=7.8, leading=10, spaceAfter=0, hyphenationLang=self.hyphenation,
                                   hyphenationMinWordLength=7, embeddedHyphenation=1)
        self.cell_small = ParagraphStyle("cell_small", self.cell, fontSize=7, leading=9, textColor=MUTED)
        self.cell_bold = ParagraphStyle("cell_bold", self.cell, fontName=FONT_BOLD)
        self.cell_note = ParagraphStyle("cell_note", self.cell, fontSize=7.2, leading=9.4)
        self.cell_head = ParagraphStyle("cell_head", self.cell, fontName=FONT_BOLD, fontSize=7.4, leading=9.4,
                                        textColor=WHITE)
        self.cell_num = ParagraphStyle("cell_num", self.cell, alignment=TA_RIGHT)
        self.cell_head_num = ParagraphStyle("cell_head_num", self.cell_head, alignment=TA_RIGHT)
        self.kpi = ParagraphStyle("kpi", base, fontName=FONT_BOLD, fontSize=17, leading=20, textColor=accent,
                                  spaceAfter=1)
        self.kpi_label = ParagraphStyle("kpi_label", base, fontSize=7, leading=9, textColor=MUTED, spaceAfter=0)
        self.cover_kicker = ParagraphStyle("cover_kicker", base, fontName=FONT_BOLD, fontSize=9, leading=12,
                                           textColor=accent, spaceAfter=10)
        self.cover_title = ParagraphStyle("cover_title", base, fontName=FONT_BOLD, fontSize=27, leading=33,
                                          spaceAfter=12, alignment=TA_LEFT)
        self.cover_sub = ParagraphStyle("cover_sub", base, fontSize=13, leading=18, textColor=MUTED,
                                        spaceAfter=26)
        self.cover_key = ParagraphStyle("cover_key", base, fontSize=7.5, leading=10, textColor=MUTED, spaceAfter=0)
        self.cover_value = ParagraphStyle("cover_value", base, fontSize=10.5, leading=14, spaceAfter=0)
        self.cover_client = ParagraphStyle("cover_client", self.cover_value, fontName=FONT_BOLD, fontSize=13,
                                           leading=17)


# --------------------------------------------------------------------------- headings and contents


@dataclass(slots=True)
class TocEntry:
    level: int  # 0 chapter, 1 sub-section
    number: str  # "3" or "" for sub-sections
    title: str
    key: str


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for a given width.

    Long tables are split across pages; every split wraps the remaining cells again. With
    the breaks remembered, a thousand-row appendix is laid out in linear time.
    """

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        cached = self.__dict__.get("_rs_wrap")
        if cached is not None and cached[0] == aw:
            _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        w, h = super().wrap(aw, ah)
        self._rs_wrap = (aw, self.width, self.height, self.blPara, self._wrapWidths)
        return w, h


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that becomes an outline entry (and optionally a contents line) when drawn."""

    def __init__(self, markup: str, style: ParagraphStyle, *, key: str, level: int, title: str,
                 accent_bar: Any = None) -> None:
        super().__init__(markup, style)
        self.rs_key = key
        self.rs_level = level
        self.rs_title = title
        self.rs_bar = accent_bar

    def draw(self) -> None:
        if self.rs_bar is not None:
            c = self.canv
            c.saveState()
            c.setFillColor(self.rs_bar)
            c.rect(0, self.height + 6, 18 * mm, 2.6, stroke=0, fill=1)
            c.restoreState()
        super().draw()


class Contents(Flowable):  # type: ignore[misc]
    """The table of contents: titles, dot leaders and page numbers (drawn from forms)."""

    def __init__(self, entries: list[TocEntry], accent: Any) -> None:
        super().__init__()
        self.entries = entries
        self.accent = accent

    def _row_height(self, e: TocEntry) -> float:
        return 22.0 if e.level == 0 else 14.5

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = sum(self._row_height(e) for e in self.entries) + 4
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.height
        right = self.width
        for e in self.entries:
            h = self._row_height(e)
            y -= h
            base = y + 5
            if e.level == 0:
                font, size, x = FONT_BOLD, 10.5, 0.0
                c.setFillColor(self.accent)
                c.setFont(FONT_BOLD, size)
                c.drawString(x, base, e.number)
                c.setFillColor(INK)
                x_title = 22.0
            else:
                font, size, x_title = FONT, 8.8, 22.0
                c.setFillColor(INK)
            from readiness_app.report.glyphs import draw_string, printable

            title, _size = fit_text(printable(e.title).replace("\n", " "), font, size, right - 40 - x_title,
                                    min_size=size)
            end = x_title + draw_string(c, x_title, base, title, font, size) + 6
            c.setFillColor(RULE if e.level else MUTED)
            dots_from, dots_to = end, right - 24
            if dots_to > dots_from:
                c.setFont(FONT, 7)
                step = 4.0
                xs = dots_from + (step - (dots_from % step))
                while xs < dots_to:
                    c.drawString(xs, base, ".")
                    xs += step
            c.saveState()
            c.translate(right, base)
            c.doForm(page_form_name(e.key))
            c.restoreState()
            c.linkRect("", e.key, (0, y + 1, right, y + h - 2), relative=1)


def page_form_name(key: str) -> str:
    return "rsp" + re.sub(r"[^A-Za-z0-9]", "", key)


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """Keeps a heading with what follows, without wasting a page on long tables.

    reportlab's keep-with-next moves a heading and the whole next flowable to a new page when
    they do not fit together, even when the next is a table that spans pages anyway. Here a
    heading stays where it is when the next flowable is a table and its first rows fit too.
    """

    MIN_NEXT = 70.0  # points of the following table that must fit under its heading

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        dims: list[tuple[float, float]] = []
        W, H = _listWrapOn(self._content, aW, self.canv, dims=dims)
        self._H = H
        self._H0 = dims[0][1] if dims else 0
        self._rs_last = dims[-1][1] if dims else 0
        self._wrapInfo = aW, aH
        return W, 0xFFFFFF  # force a split

    def split(self, aW: float, aH: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        last = self._content[-1] if self._content else None
        if aH < self._H and isinstance(last, Table) and len(getattr(last, "_cellvalues", ())) > 3:
            head = self._H - self._rs_last
            if head + min(self.MIN_NEXT, self._rs_last) <= aH:
                return list(self._content)
        result: list[Any] = super().split(aW, aH)
        return result


# --------------------------------------------------------------------------- tables


def table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header_rows: int = 1,
          zebra: bool = True, accent: Any, extra: Sequence[tuple[Any, ...]] = (),
          align_top: bool = True, scale: bool = True) -> Table:
    """A report table: header in the accent colour, thin rules, optional zebra rows.

    ``widths`` are fractions of the frame width (scaled to fill it unless ``scale`` is false).
    """
    total = sum(widths) if scale else 1.0
    col_widths = [FRAME_W * w / total for w in widths]
    # splitInRow: a row taller than a page (a long note) continues on the next page
    t = Table(list(rows), colWidths=col_widths, repeatRows=header_rows, hAlign="LEFT", splitInRow=1)
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if align_top else "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), accent),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, header_rows - 1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, header_rows - 1), 4),
        ]
    if zebra and len(rows) > header_rows + 2:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [WHITE, ZEBRA]))
    cmds.extend(extra)
    t.setStyle(TableStyle(cmds))
    return t


def _break_word(word: str, width: float, size: float, hyph: Hyphenation | None) -> list[str]:
    """A word wider than ``width`` in pieces: after its own hyphens, else at syllables (with "-")."""
    pieces: list[str] = []
    rest = word
    while pdfmetrics.stringWidth(rest, FONT_BOLD, size) > width:
        cuts = [(i + 1, "") for i, ch in enumerate(rest[:-1]) if ch == "-"]
        if hyph is not None:
            cuts += [(i, "-") for i in hyph.breaks(rest)]
        fitting = [(i, mark) for i, mark in cuts
                   if pdfmetrics.stringWidth(rest[:i] + mark, FONT_BOLD, size) <= width]
        if not fitting:
            break
        i, mark = max(fitting)
        pieces.append(rest[:i] + mark)
        rest = rest[i:]
    return [*pieces, rest]


def vertical_lines(text: str, height: float, size: float, max_lines: int,
                   hyph: Hyphenation | None = None, min_size: float = 5.2) -> tuple[list[str], float, bool]:
    """``text`` in at most ``max_lines`` lines no longer than ``height``: broken at spaces, then at a
    word's own hyphens or (unless protected) its syllables; the font shrinks to ``min_size`` before
    the text is shortened. Returns (lines, font size, shortened)."""
    size_now = size
    while True:
        lines: list[str] = []
        current = ""
        for word in text.split():
            for piece in _break_word(word, height, size_now, hyph):
                candidate = f"{current} {piece}".strip() if not current.endswith("-") else current + piece
                if current and pdfmetrics.stringWidth(candidate, FONT_BOLD, size_now) > height:
                    lines.append(current)
                    current = piece
                else:
                    current = candidate
        if current:
            lines.append(current)
        fits = all(pdfmetrics.stringWidth(line, FONT_BOLD, size_now) <= height for line in lines)
        if (fits and len(lines) <= max_lines) or size_now <= min_size:
            break
        size_now = max(min_size, size_now - 0.4)
    if fits and len(lines) <= max_lines:
        return lines, size_now, False
    kept = lines[:max_lines]
    last, _ = fit_text(kept[-1] + " …", FONT_BOLD, size_now, height, min_size=size_now)
    return [*kept[:-1], last], size_now, True


class VerticalLabel(Flowable):  # type: ignore[misc]
    """Text turned 90 degrees (reading upwards) for narrow column headers; a long text wraps, then
    shrinks, and only then is shortened (``shortened`` tells the caller to list it in full)."""

    def __init__(self, text: str, height: float, *, size: float = 7.0, colour: Any = WHITE, max_lines: int = 3,
                 hyphenation: Hyphenation | None = None) -> None:
        super().__init__()
        self.colour = colour
        self.lines, self.size, self.shortened = vertical_lines(text, height, size, max_lines, hyphenation)
        self.box_h = height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.box_h
        return aw, self.box_h

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFont(FONT_BOLD, self.size)
        c.setFillColor(self.colour)
        lead = self.size * 1.2
        total = lead * len(self.lines)
        x0 = (self.width - total) / 2 + self.size * 0.95
        c.rotate(90)
        for i, line in enumerate(self.lines):
            c.drawString(0, -(x0 + i * lead), line)
        c.restoreState()


def fit_text(text: str, font: str, size: float, width: float, min_size: float = 5.0) -> tuple[str, float]:
    """Shrink ``text`` to ``width`` (down to ``min_size``), then shorten it with an ellipsis.

    Widths count the fallback fonts (CJK, symbols) a character is drawn in; the longest prefix
    that fits is found by bisection, so a name of any length costs a few measurements.
    """
    from readiness_app.report.glyphs import string_width

    def width_of(s: str, at: float) -> float:
        return pdfmetrics.stringWidth(s, font, at) if s.isascii() else string_width(s, font, at)

    w = width_of(text, size)
    if w <= width:
        return text, size
    size = max(min_size, size * width / w)
    if width_of(text, size) <= width:
        return text, size
    lo, hi = 0, min(len(text), int(width / (size * 0.15)) + 1)  # no glyph is narrower than 0.15 em
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width_of(text[:mid] + "…", size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…", size


class Picture(Flowable):  # type: ignore[misc]
    """A chart at a fixed size on the page: a vector drawing (reportlab graphics), or a raster
    image (a PIL image or a file)."""

    def __init__(self, image: Any, width: float, height: float) -> None:
        super().__init__()
        self.image = image
        self.width = width
        self.height = height
        self.hAlign = "LEFT"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.graphics.shapes import Drawing

        if isinstance(self.image, Drawing):
            from reportlab.graphics import renderPDF

            renderPDF.draw(self.image, self.canv, 0, 0)
            return
        self.canv.drawImage(ImageReader(self.image), 0, 0, width=self.width, height=self.height)


class ValueCell(Flowable):  # type: ignore[misc]
    """One cell of the answer matrix: the room's value and, below it, the spread.

    Drawn directly on the canvas (no paragraph parsing): the large appendix has thousands.
    """

    HEIGHT = 17.0

    def __init__(self, value: str, spread: str, *, colour: Any, spread_colour: Any, bold: bool) -> None:
        super().__init__()
        self.value = value
        self.spread = spread
        self.colour = colour
        self.spread_colour = spread_colour
        self.bold = bold

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.HEIGHT

    def draw(self) -> None:
        c = self.canv
        font = FONT_BOLD if self.bold else FONT
        text, size = fit_text(self.value, font, 7.6, self.width)
        c.setFillColor(self.colour)
        c.setFont(font, size)
        c.drawCentredString(self.width / 2, 8.4, text)
        if self.spread:
            c.setFillColor(self.spread_colour)
            c.setFont(FONT, 6.2)
            c.drawCentredString(self.width / 2, 0.6, self.spread)


# --------------------------------------------------------------------------- document


@dataclass(slots=True)
class PageDecor:
    """What the page furniture shows."""

    client: str
    short_title: str
    consultancy: str
    confidential: str
    confidentiality_line: str
    page_label: str  # "Page {n} of"
    accent: Any
    logo: Path | None
    styles: Styles


@dataclass(slots=True)
class BuildState:
    """Filled while the document is laid out; turned into forms when it is saved."""

    pages: dict[str, int] = field(default_factory=dict)
    last_page: int = 0
    toc_keys: list[str] = field(default_factory=list)
    drawn: int = 0
    on_flowable: Callable[[int], None] | None = None


def _logo_reader(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        return ImageReader(str(path))
    except Exception as exc:  # unreadable or unsupported image
        raise ExportError(msg("cannot read the logo ({detail})", detail=str(exc)), path=str(path)) from exc


class ReportDoc(BaseDocTemplate):  # type: ignore[misc]
    """A4 document with a cover template and a body template with running header and footer."""

    def __init__(self, filename: str, decor: PageDecor, state: BuildState, *, with_cover: bool,
                 **meta: Any) -> None:
        super().__init__(filename, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, initialFontName=FONT,
                         initialFontSize=9, initialLeading=12, keepTogetherClass=KeepWithNext, **meta)
        self.decor = decor
        self.state = state
        self.logo = _logo_reader(decor.logo)
        body = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
        cover = Frame(32 * mm, 50 * mm, PAGE_W - 32 * mm - 24 * mm, PAGE_H - 50 * mm - 62 * mm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [PageTemplate(id="body", frames=[body], onPage=self._body_page)]
        cover_template = PageTemplate(id="cover", frames=[cover], onPage=self._cover_page)
        self.addPageTemplates([cover_template, *templates] if with_cover else templates)

    # ---- hooks

    def afterFlowable(self, flowable: Any) -> None:
        key = getattr(flowable, "rs_key", None)
        if key:
            c = self.canv
            c.bookmarkPage(key, fit="XYZ", top=c._pagesize[1] - MARGIN_TOP + 20)
            c.addOutlineEntry(flowable.rs_title, key, level=flowable.rs_level, closed=flowable.rs_level >= 1)
            self.state.pages[key] = self.page
        self.state.drawn += 1
        if self.state.on_flowable is not None:
            self.state.on_flowable(self.state.drawn)

    def afterPage(self) -> None:
        self.state.last_page = self.page

    # ---- page furniture

    def _body_page(self, c: Any, doc: Any) -> None:
        d = self.decor
        c.saveState()
        top = PAGE_H - 13 * mm
        from readiness_app.report.glyphs import draw_string, printable, string_width

        client, size = fit_text(printable(d.client).replace("\n", " "), FONT_BOLD, 7.5, FRAME_W * 0.45, min_size=6)
        c.setFillColor(INK)
        w = draw_string(c, MARGIN_X, top, client, FONT_BOLD, size)
        c.setFont(FONT, 7.5)
        c.setFillColor(MUTED)
        if w + 6 + pdfmetrics.stringWidth(d.short_title, FONT, 7.5) < FRAME_W * 0.55:
            c.drawString(MARGIN_X + w + 6, top, d.short_title)
        right = PAGE_W - MARGIN_X
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            h = 6.5 * mm
            lw = min(h * iw / ih, 32 * mm)
            h = lw * ih / iw
            c.drawImage(self.logo, right - lw, top - 1.6 * mm, width=lw, height=h, mask="auto")
            right -= lw + 3 * mm
        if d.consultancy:
            name, size = fit_text(printable(d.consultancy).replace("\n", " "), FONT, 7.5,
                                  right - MARGIN_X - FRAME_W * 0.58, min_size=6)
            draw_string(c, right - string_width(name, FONT, size), top, name, FONT, size)
        c.setStrokeColor(d.accent)
        c.setLineWidth(0.8)
        c.line(MARGIN_X, top - 3.2 * mm, PAGE_W - MARGIN_X, top - 3.2 * mm)
        # footer
        bottom = 11 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
        c.setFillColor(MUTED)
        confidential, size = fit_text(printable(d.confidential).replace("\n", " "), FONT, 7, FRAME_W * 0.8, min_size=5)
        draw_string(c, MARGIN_X, bottom, confidential, FONT, size)
        c.setFont(FONT, 7)
        label = d.page_label.format(n=doc.page)
        c.drawRightString(PAGE_W - MARGIN_X - 13, bottom, label)
        c.translate(PAGE_W - MARGIN_X - 10.5, bottom)
        c.doForm("rstotal")
        c.restoreState()

    def _cover_page(self, c: Any, doc: Any) -> None:
        d = self.decor
        c.saveState()
        c.setFillColor(d.accent)
        c.rect(0, 0, 11 * mm, PAGE_H, stroke=0, fill=1)
        c.setFillColor(tint(d.accent, 0.35))
        c.rect(11 * mm, 0, 2.2 * mm, PAGE_H, stroke=0, fill=1)
        x = 32 * mm
        top = PAGE_H - 30 * mm
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            h = 16 * mm
            lw = min(h * iw / ih, 70 * mm)
            h = lw * ih / iw
            c.drawImage(self.logo, x, top - h, width=lw, height=h, mask="auto")
            tx = x + lw + 5 * mm
        else:
            tx = x
        if d.consultancy:
            name, size = fit_text(d.consultancy, FONT_BOLD, 11, PAGE_W - 24 * mm - tx, min_size=7)
            c.setFont(FONT_BOLD, size)
            c.setFillColor(INK)
            c.drawString(tx, top - 9.5 * mm, name)
        # confidentiality line at the foot of the page
        p = Paragraph(esc(d.confidentiality_line), d.styles.muted)
        _w, h = p.wrap(PAGE_W - x - 24 * mm, 40 * mm)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(x, 22 * mm + h + 4, PAGE_W - 24 * mm, 22 * mm + h + 4)
        p.drawOn(c, x, 22 * mm)
        c.restoreState()


def canvas_class(state: BuildState) -> type:
    """A canvas that defines the page-number forms just before the file is written."""

    class ReportCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            self.showOutline()  # open with the bookmarks panel
            self.beginForm("rstotal", -2, -3, 40, 12)
            self.setFont(FONT, 7)
            self.setFillColor(MUTED)
            self.drawString(0, 0, str(state.last_page))
            self.endForm()
            for key in state.toc_keys:
                page = state.pages.get(key)
                self.beginForm(page_form_name(key), -60, -4, 2, 14)
                self.setFont(FONT, 9)
                self.setFillColor(INK)
                self.drawRightString(0, 0, str(page) if page is not None else "")
                self.endForm()
            super().save()

    return ReportCanvas


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
}


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def format_dates(start: str, end: str, lang: str) -> str:
    """ "11-12 March 2025" / "11.-12. März 2025"; unknown formats are shown as given."""
    months = _MONTHS["de" if lang == "de" else "en"]
    a, b = _parse_date(start), _parse_date(end) if end else None

    def one(d: date) -> str:
        return f"{d.day}. {months[d.month - 1]} {d.year}" if lang == "de" else f"{d.day} {months[d.month - 1]} {d.year}"

    if a is None:
        return " – ".join(x for x in (start.strip(), end.strip()) if x)
    if b is None or b == a:
        return one(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}.–{one(b)}" if lang == "de" else f"{a.day}–{one(b)}"
    return f"{one(a)} – {one(b)}"
