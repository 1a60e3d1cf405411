"""Putting text, tables and pictures on slides so that nothing runs out of its box.

:class:`Writer` adds slides on the chosen layouts, fills their placeholders by type and
measures every text (:mod:`.fit`): a block is shrunk down to a floor and what still does not
fit continues on a slide titled "… (continued)".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from readiness_app.deck.fit import (
    BULLET_INDENT,
    EMU_PER_PT,
    SPACE_BEFORE,
    Para,
    block_height,
    fit_size,
    shorten,
    split,
    width_of,
    wrap,
)
from readiness_app.deck.master import Base, Box
from readiness_app.deck.texts import t

INSET_X = 0.08 * 72  # text frame insets we set, in points
INSET_Y = 0.05 * 72
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def pt(emu: int | float) -> float:
    return float(emu) / EMU_PER_PT


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


_SAME = {"TITLE": "title", "CENTER_TITLE": "title", "BODY": "body", "OBJECT": "body", "SUBTITLE": "subtitle"}


def _pin(ph: Any, layout: Any) -> None:
    """Give a slide placeholder without a position of its own its layout placeholder's box, found
    by type: templates saved by some programs number several placeholders 0, and inheriting by
    number would put the body where the title is."""
    spPr = ph._element.spPr
    if spPr.find(f"{{{_A}}}xfrm") is not None:
        return
    kind = _SAME.get(ph.placeholder_format.type.name)
    for lph in layout.placeholders:
        if kind is not None and _SAME.get(lph.placeholder_format.type.name) == kind and lph.width is not None:
            ph.left, ph.top, ph.width, ph.height = lph.left, lph.top, lph.width, lph.height
            return


def column_widths(total: int, shares: Sequence[float], minimum_pt: Sequence[float]) -> list[float]:
    """Column widths (EMU) in proportion to ``shares``, but none narrower than its minimum (the
    widest word of its header, so no header word is ever split); the rest is shared out again."""
    fixed: dict[int, float] = {}
    while True:
        rest = total - sum(fixed.values())
        free = [i for i in range(len(shares)) if i not in fixed]
        weight = sum(shares[i] for i in free) or 1.0
        widths = {i: rest * shares[i] / weight for i in free}
        short = [i for i in free if widths[i] < emu(minimum_pt[i])]
        if not short or len(fixed) + len(short) >= len(shares):
            widths.update(fixed)
            return [widths[i] for i in range(len(shares))]
        for i in short:
            fixed[i] = float(emu(minimum_pt[i]))


class Writer:
    """Adds the deck's slides to ``base``'s presentation, in ``lang``."""

    def __init__(self, base: Base, lang: str, on_slide: Callable[[], None] | None = None) -> None:
        self.base = base
        self.prs = base.prs
        self.lang = lang
        self.area = base.area
        self.on_slide = on_slide or (lambda: None)
        self.title_size = self._style_size("titleStyle", 32.0)

    # ---------------------------------------------------------------- slides and placeholders

    def _style_size(self, style: str, default: float) -> float:
        master = self.base.content_layout.slide_master
        ns = {"a": _A, "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
        node = master._element.find(f"p:txStyles/p:{style}/a:lvl1pPr/a:defRPr", ns)
        size = node.get("sz") if node is not None else None
        return int(size) / 100 if size else default

    def add_slide(self, title: str, *, body: bool = False, layout: Any = None) -> tuple[Any, Any]:
        """A slide with ``title``; with ``body`` its content placeholder (else content placeholders go)."""
        from pptx.enum.shapes import PP_PLACEHOLDER as P

        if layout is None:
            layout = self.base.content_layout if body or self.base.title_only_layout is None \
                else self.base.title_only_layout
        slide = self.prs.slides.add_slide(layout)
        self.on_slide()
        body_ph = None
        titled = False
        for ph in list(slide.placeholders):
            kind = ph.placeholder_format.type
            _pin(ph, layout)
            if kind in (P.TITLE, P.CENTER_TITLE) and not titled and ph.width is not None:
                self.set_title(ph, title)
                titled = True
            elif body and body_ph is None and kind in (P.BODY, P.OBJECT):
                body_ph = ph
            elif layout is not self.base.title_layout or kind != P.SUBTITLE:
                ph._element.getparent().remove(ph._element)  # unused: no "click to add text" left behind
        if not titled:  # a layout without a title placeholder: the title in a box above the content
            h = int(self.prs.slide_height)
            top = int(h * 0.04)
            box = Box(self.area.left, top, self.area.width, max(int(h * 0.08), self.area.top - top - int(h * 0.02)))
            self.text_box(slide, box, [Para(title, bold=True)], 28, 12, name="Title")
        return slide, body_ph

    def set_title(self, ph: Any, title: str) -> None:
        """The title, shrunk to its box (and shortened with "…" if even 60 % of its size is too big)."""
        from pptx.util import Pt

        width = pt(ph.width) - 2 * INSET_X
        height = pt(ph.height) - 2 * INSET_Y
        largest = self.title_size
        size = fit_size([Para(title, bold=True)], width, height, largest, max(12.0, largest * 0.6))
        tf = ph.text_frame
        self._frame(tf)
        if size is None:
            size = max(12.0, largest * 0.6)
            lines = max(1, int(height // (size * 1.2)))
            title = shorten(title, width, size, True, lines)
        tf.text = title
        for para in tf.paragraphs:
            for run in para.runs:  # always explicit: the template's own size may differ from its text styles
                run.font.size = Pt(size)

    # ---------------------------------------------------------------- text

    @staticmethod
    def _frame(tf: Any) -> None:
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = Pt(INSET_X)
        tf.margin_top = tf.margin_bottom = Pt(INSET_Y)

    def fill(self, tf: Any, paras: Sequence[Para], size: float) -> None:
        """Write ``paras`` into the text frame at ``size`` (bullets and indents set explicitly)."""
        from lxml import etree
        from pptx.dml.color import RGBColor
        from pptx.util import Pt

        self._frame(tf)
        tf.clear()
        for i, p in enumerate(paras):
            para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            s = size * p.scale
            run = para.add_run()
            run.text = p.text
            run.font.size = Pt(s)
            run.font.bold = p.bold
            if p.colour:
                run.font.color.rgb = RGBColor.from_string(p.colour.lstrip("#"))
            para.line_spacing = 1.0
            para.space_before = Pt(0 if i == 0 or not p.gap else s * SPACE_BEFORE)
            para.space_after = Pt(0)
            ppr = para._p.get_or_add_pPr()
            indent = p.indent + (BULLET_INDENT if p.bullet else 0)
            ppr.set("marL", str(emu(indent)))
            ppr.set("indent", str(-emu(BULLET_INDENT) if p.bullet else 0))
            for tag in ("buNone", "buChar", "buAutoNum", "buFont"):
                for old in ppr.findall(f"{{{_A}}}{tag}"):
                    ppr.remove(old)
            if p.bullet:
                etree.SubElement(ppr, f"{{{_A}}}buFont", typeface="Arial")
                etree.SubElement(ppr, f"{{{_A}}}buChar", char="•")
            else:
                etree.SubElement(ppr, f"{{{_A}}}buNone")

    @staticmethod
    def text_box_size(box: Box) -> tuple[float, float]:
        """The room for text in ``box`` (points), less the insets and a little for rounding."""
        return pt(box.width) - 2 * INSET_X - 2, pt(box.height) - 2 * INSET_Y - 2

    def text_box(self, slide: Any, box: Box, paras: Sequence[Para], largest: float, smallest: float,
                 name: str = "") -> float:
        """A text box with ``paras`` at the largest size that fits (they must fit at ``smallest``)."""
        w, h = self.text_box_size(box)
        size = fit_size(paras, w, h, largest, smallest) or smallest
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        if name:
            shape.name = name
        self.fill(shape.text_frame, paras, size)
        return size

    def text_slides(self, title: str, paras: Sequence[Para], *, largest: float = 20.0,
                    smallest: float = 12.0) -> list[Any]:
        """One slide with ``paras`` in its body, or several ("continued") when they do not fit."""
        probe, body = self.add_slide(title, body=True)
        box = self._body_box(body)
        w, h = self.text_box_size(box)
        paras = [self._fit_para(p, w, h, smallest) for p in paras]
        if fit_size(paras, w, h, largest, smallest) is not None:
            chunks = [list(paras)]
        else:
            chunks = split(paras, w, h, smallest)
        slides = []
        for k, chunk in enumerate(chunks):
            slide, ph = (probe, body) if k == 0 else self.add_slide(t("continued", self.lang, title=title), body=True)
            size = fit_size(chunk, w, h, largest, smallest) or smallest
            if ph is None:
                shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
                self.fill(shape.text_frame, chunk, size)
            else:
                self.fill(ph.text_frame, chunk, size)
            slides.append(slide)
        return slides

    def _body_box(self, body: Any) -> Box:
        if body is not None and body.width is not None and body.height is not None:
            return Box(int(body.left), int(body.top), int(body.width), int(body.height))
        return self.area

    @staticmethod
    def _fit_para(p: Para, width: float, height: float, smallest: float) -> Para:
        """A paragraph taller than the whole box on its own is shortened (it could never fit)."""
        if block_height([p], width, smallest) <= height:
            return p
        lines = max(1, int(height // (smallest * p.scale * 1.2)))
        return Para(shorten(p.text, width - p.indent - (BULLET_INDENT if p.bullet else 0), smallest * p.scale,
                            p.bold, lines), p.bold, p.scale, p.indent, p.bullet, p.colour, p.gap)

    # ---------------------------------------------------------------- tables

    def table_slides(self, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
                     widths: Sequence[float], *, numeric: Sequence[int] = (), size: float = 12.0) -> list[Any]:
        """A table over as many slides as its rows need; each row is measured, none is cut."""
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        area = self.area
        pad_x, pad_y = 0.1 * 72, 0.05 * 72
        col_w = column_widths(area.width, widths, [
            max((width_of(word, size, True) for word in head.split()), default=0.0) + 2 * pad_x + 4
            for head in header])

        def row_height(cells: Sequence[str], bold: bool = False) -> float:
            lines = max(len(wrap(c, pt(cw) - 2 * pad_x - 2, size, bold)) for c, cw in zip(cells, col_w, strict=False))
            return lines * size * 1.2 + 2 * pad_y + 2

        head_h = row_height(header, True)
        room = pt(area.height)
        pages: list[list[tuple[Sequence[str], float]]] = [[]]
        used = head_h
        for r in rows:
            h = row_height(r)
            if pages[-1] and used + h > room:
                pages.append([])
                used = head_h
            pages[-1].append((r, h))
            used += h
        slides = []
        for k, page in enumerate(pages):
            slide, _ = self.add_slide(title if k == 0 else t("continued", self.lang, title=title))
            height = head_h + sum(h for _, h in page)
            frame = slide.shapes.add_table(len(page) + 1, len(header), area.left, area.top, area.width, emu(height))
            frame.name = "Table"
            table = frame.table
            for i, cw in enumerate(col_w):
                table.columns[i].width = int(cw)
            all_rows = [(header, head_h, True), *[(r, h, False) for r, h in page]]
            for ri, (cells, h, bold) in enumerate(all_rows):
                table.rows[ri].height = emu(h)
                for ci, value in enumerate(cells):
                    cell = table.cell(ri, ci)
                    cell.margin_left = cell.margin_right = Pt(pad_x)
                    cell.margin_top = cell.margin_bottom = Pt(pad_y)
                    tf = cell.text_frame
                    tf.word_wrap = True
                    tf.text = value
                    for para in tf.paragraphs:
                        para.line_spacing = 1.0
                        if ci in numeric:
                            para.alignment = PP_ALIGN.RIGHT
                        for run in para.runs:
                            run.font.size = Pt(size)
                            run.font.bold = bold
            slides.append(slide)
        return slides
