"""The presentation a deck is built on: the firm's template, or the built-in look.

**A firm's template** (``.pptx`` or ``.potx``): its masters, layouts, theme (fonts, colours),
logo and slide size are kept; its own slides are removed. Layouts are chosen by the types of
their placeholders, never by name, so any ordinary corporate template works without
configuration: the *title* layout has a centred title (or a title and a subtitle), the
*content* layout a title and one body or content placeholder (the largest such), the *title
only* layout a title and no content placeholder (when the template has none, the content
layout is used and its body removed from each slide). The content layout's body area is where
charts, tables and the timeline go.

**The built-in look** (no template): a 16:9 presentation in the report's branding: the accent
colour as the theme's first accent, the logo and "Confidential · consultancy" on the master,
Arial as the theme font.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_app.errors import ExportError
from readiness_app.messages import msg

EMU_PER_INCH = 914400
WIDE_W, WIDE_H = 12192000, 6858000  # 16:9, 13.33 x 7.5 in
INK = "1D2B36"
MUTED = "5F6B73"

_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int


@dataclass
class Base:
    """An opened presentation and the layouts the deck uses."""

    prs: Any
    title_layout: Any
    content_layout: Any
    title_only_layout: Any  # None: use the content layout and drop its body
    area: Box  # where content goes on a content slide
    builtin: bool


# --------------------------------------------------------------------------- opening a template


def open_template(path: Path) -> Any:
    """The presentation in ``path`` (a .pptx, or a .potx read as one); a clear error otherwise."""
    from pptx import Presentation

    if not path.is_file():
        raise ExportError(msg("the slide template does not exist"), path=str(path))
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = zf.read("[Content_Types].xml")
            if _TEMPLATE_TYPE.encode() in types:  # a .potx: the same package with another main type
                out = io.BytesIO()
                with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                    for item in zf.infolist():
                        content = zf.read(item.filename)
                        if item.filename == "[Content_Types].xml":
                            content = content.replace(_TEMPLATE_TYPE.encode(), _PRESENTATION_TYPE.encode())
                        target.writestr(item, content)
                data = out.getvalue()
        return Presentation(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ExportError(msg("the slide template is not a PowerPoint presentation (.pptx or .potx): {detail}",
                              detail=str(exc) or type(exc).__name__), path=str(path)) from exc
    except Exception as exc:  # python-pptx raises assorted errors on damaged packages
        raise ExportError(msg("the slide template is not a PowerPoint presentation (.pptx or .potx): {detail}",
                              detail=str(exc) or type(exc).__name__), path=str(path)) from exc


def remove_slides(prs: Any) -> None:
    """Drop the template's own slides (the parts go with their relationships)."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


# --------------------------------------------------------------------------- choosing layouts by placeholder type


def _types(layout: Any) -> list[Any]:
    return [ph.placeholder_format.type for ph in layout.placeholders]


def _content_placeholders(layout: Any) -> list[Any]:
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    return [ph for ph in layout.placeholders if ph.placeholder_format.type in (P.BODY, P.OBJECT)]


def _vertical(ph: Any) -> bool:
    body = ph._element.find(f".//{{{_A}}}bodyPr")
    return body is not None and (body.get("vert") or "horz") not in ("horz", "")


def choose_layouts(prs: Any) -> tuple[Any, Any, Any]:
    """(title, content, title only or None), chosen by placeholder types."""
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    if not layouts:
        raise ExportError(msg("the slide template has no slide layouts"))

    def title_of(layout: Any) -> Any:
        return next((ph for ph in layout.placeholders if ph.placeholder_format.type in (P.TITLE, P.CENTER_TITLE)),
                    None)

    content = None
    best = -1
    for layout in layouts:
        title = title_of(layout)
        bodies = _content_placeholders(layout)
        if title is None or len(bodies) != 1 or _vertical(bodies[0]) or P.PICTURE in _types(layout):
            continue
        body = bodies[0]
        if body.width is None or body.height is None or title.top is None:
            continue
        if body.top < title.top or title.height > body.height:  # a title beside or below the content
            continue
        area = int(body.width) * int(body.height)
        if area > best:
            content, best = layout, area
    if content is None:  # no "title and content": any layout with a title, else the first
        content = next((layout for layout in layouts if title_of(layout) is not None), layouts[0])
    master = content.slide_master
    same = [layout for layout in master.slide_layouts] + [x for x in layouts if x.slide_master is not master]

    title_layout = next((x for x in same if P.CENTER_TITLE in _types(x)), None) or next(
        (x for x in same if P.TITLE in _types(x) and P.SUBTITLE in _types(x)), content)
    content_kinds = {P.BODY, P.OBJECT, P.CHART, P.TABLE, P.PICTURE, P.BITMAP, P.MEDIA_CLIP, P.ORG_CHART,
                     P.SUBTITLE}
    title_only = next((x for x in same if P.TITLE in _types(x) and not content_kinds & set(_types(x))
                       and title_of(x) is not None and title_of(x).height is not None
                       and title_of(x).height < prs.slide_height * 0.4), None)
    return title_layout, content, title_only


def content_area(prs: Any, content_layout: Any) -> Box:
    """Where the content goes: the content layout's body placeholder (else a margin below the title)."""
    bodies = _content_placeholders(content_layout)
    if bodies and all(v is not None for v in (bodies[0].left, bodies[0].top, bodies[0].width, bodies[0].height)):
        b = bodies[0]
        return Box(int(b.left), int(b.top), int(b.width), int(b.height))
    w, h = int(prs.slide_width), int(prs.slide_height)
    return Box(int(w * 0.06), int(h * 0.22), int(w * 0.88), int(h * 0.68))


def from_template(path: Path) -> Base:
    prs = open_template(path)
    remove_slides(prs)
    title_layout, content, title_only = choose_layouts(prs)
    return Base(prs, title_layout, content, title_only, content_area(prs, content), builtin=False)


# --------------------------------------------------------------------------- the built-in look


def _theme(prs: Any, accent: str) -> None:
    """Arial as the theme's fonts, the accent as accent 1 and the report's ink as dark 2."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    ns = {"a": _A}
    for font in root.iterfind(".//a:fontScheme/*/a:latin", ns):
        font.set("typeface", "Arial")
    for name, value in (("accent1", accent), ("accent2", MUTED), ("dk2", INK)):
        slot = root.find(f".//a:clrScheme/a:{name}", ns)
        if slot is not None:
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{_A}}}srgbClr", val=value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master: Any) -> None:
    """Titles 28 pt bold in ink, left; body 18/16/14 pt."""
    from lxml import etree

    ns = {"a": _A, "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
    styles = master._element.find("p:txStyles", ns)
    title = styles.find("p:titleStyle/a:lvl1pPr", ns)
    title.set("algn", "l")
    rpr = title.find("a:defRPr", ns)
    rpr.set("sz", "2800")
    rpr.set("b", "1")
    for child in list(rpr):
        if child.tag == f"{{{_A}}}solidFill":
            rpr.remove(child)
    fill = etree.Element(f"{{{_A}}}solidFill")
    etree.SubElement(fill, f"{{{_A}}}srgbClr", val=INK)
    rpr.insert(0, fill)
    for level, size in ((1, 1800), (2, 1600), (3, 1400), (4, 1400), (5, 1400)):
        p = styles.find(f"p:bodyStyle/a:lvl{level}pPr/a:defRPr", ns)
        if p is not None:
            p.set("sz", str(size))


def _place(shape: Any, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def builtin(*, accent: str, logo: Path, footer: str) -> Base:
    """A 16:9 presentation in the report's branding, from python-pptx's own default."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.shapes import PP_PLACEHOLDER as P
    from pptx.shapes.shapetree import SlideShapes
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDE_W), Emu(WIDE_H)
    accent_hex = accent.lstrip("#").upper()
    _theme(prs, accent_hex)
    master = prs.slide_masters[0]
    _text_styles(master)
    margin = int(Inches(0.6))
    width = WIDE_W - 2 * margin
    title_box = (margin, int(Inches(0.55)), width, int(Inches(0.9)))
    body_box = (margin, int(Inches(1.6)), width, WIDE_H - int(Inches(1.6)) - int(Inches(0.75)))
    layouts = {layout.name: layout for layout in master.slide_layouts}
    for holder in (master, *master.slide_layouts):
        for ph in holder.placeholders:
            kind = ph.placeholder_format.type
            if ph.left is None:
                continue
            if kind == P.TITLE:
                _place(ph, *title_box)
            elif kind in (P.BODY, P.OBJECT) and holder in (master, layouts.get("Title and Content")):
                _place(ph, *body_box)
            else:  # everything else stretched to the wider slide
                ph.left, ph.width = int(ph.left * WIDE_W / 9144000), int(ph.width * WIDE_W / 9144000)
    # the title slide: title and subtitle on the left, above and below an accent rule
    title_slide = layouts.get("Title Slide")
    if title_slide is not None:
        for ph in title_slide.placeholders:
            if ph.placeholder_format.type == P.CENTER_TITLE:
                _place(ph, margin, int(Inches(2.2)), int(width * 0.8), int(Inches(1.9)))
            elif ph.placeholder_format.type == P.SUBTITLE:
                _place(ph, margin, int(Inches(4.35)), int(width * 0.8), int(Inches(1.4)))
    # the master's furniture: accent bar, logo, confidentiality line and rule
    shapes = SlideShapes(master.shapes._spTree, master)
    bar = shapes.add_shape(MSO_SHAPE.RECTANGLE, margin, int(Inches(0.38)), int(Inches(0.9)), int(Inches(0.07)))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(accent_hex)
    bar.line.fill.background()
    bar.shadow.inherit = False
    bar.name = "Accent bar"
    if logo.is_file():
        pic = shapes.add_picture(str(logo), 0, int(Inches(0.3)), height=int(Inches(0.5)))
        pic.left = WIDE_W - margin - int(pic.width)
        pic.name = "Logo"
    rule = shapes.add_shape(MSO_SHAPE.RECTANGLE, margin, WIDE_H - int(Inches(0.56)), width, int(Pt(0.75)))
    rule.fill.solid()
    rule.fill.fore_color.rgb = RGBColor.from_string("D5DBE0")
    rule.line.fill.background()
    rule.shadow.inherit = False
    rule.name = "Footer rule"
    box = shapes.add_textbox(margin, WIDE_H - int(Inches(0.5)), int(width * 0.7), int(Inches(0.3)))
    box.name = "Confidentiality"
    tf = box.text_frame
    tf.word_wrap = True  # a fixed box: with "no wrap" the text would be centred on it
    tf.margin_left = tf.margin_right = 0
    from pptx.enum.text import PP_ALIGN

    tf.paragraphs[0].alignment = PP_ALIGN.LEFT
    run = tf.paragraphs[0].add_run()
    run.text = footer
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor.from_string(MUTED)
    # the furniture goes behind the placeholders
    tree = master.shapes._spTree
    for shape in (bar._element, rule._element, box._element, *( [pic._element] if logo.is_file() else [])):
        tree.remove(shape)
        tree.insert(2, shape)
    title_layout, content, title_only = choose_layouts(prs)
    return Base(prs, title_layout, content, title_only, content_area(prs, content), builtin=True)
