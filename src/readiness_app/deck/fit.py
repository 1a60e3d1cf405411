"""Measuring text for slides, so that no text runs out of its box.

Widths are measured with the metrics of DejaVu Sans (bundled with the app). It is wider than
the usual slide fonts (Calibri, Arial, Helvetica, Segoe), so a text that fits by this measure
fits in the template's own font too. A block of paragraphs is shrunk from its preferred size
down to a floor; what does not fit at the floor is split into chunks for continuation slides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from readiness_app.report.layout import FONT, FONT_BOLD, register_fonts

EMU_PER_PT = 12700
LINE = 1.2  # line height as a multiple of the font size (single spacing)
BULLET_INDENT = 0.25 * 72  # a bullet's hanging indent, in points
SPACE_BEFORE = 0.45  # space before a paragraph that is not the first, as a multiple of its size


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of a text block: ``scale`` multiplies the block's font size (a heading 1.1,
    a detail line 0.85); ``indent`` is the left indent in points (bullets)."""

    text: str
    bold: bool = False
    scale: float = 1.0
    indent: float = 0.0
    bullet: bool = False
    colour: str = ""  # "#RRGGBB", "" = the template's text colour
    gap: bool = True  # space before (unless first)


def width_of(text: str, size: float, bold: bool = False) -> float:
    register_fonts()
    return float(stringWidth(text, FONT_BOLD if bold else FONT, size))


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (long words are cut)."""
    lines: list[str] = []
    for raw in text.split("\n"):
        current = ""
        for word in raw.split():
            candidate = f"{current} {word}" if current else word
            if width_of(candidate, size, bold) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while width_of(word, size, bold) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and width_of(word[:cut], size, bold) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def para_height(p: Para, width: float, size: float, first: bool) -> float:
    s = size * p.scale
    lines = len(wrap(p.text, width - p.indent - (BULLET_INDENT if p.bullet else 0), s, p.bold))
    return lines * s * LINE + (0 if first or not p.gap else s * SPACE_BEFORE)


def block_height(paras: Sequence[Para], width: float, size: float) -> float:
    return sum(para_height(p, width, size, i == 0) for i, p in enumerate(paras))


def fit_size(paras: Sequence[Para], width: float, height: float, largest: float, smallest: float) -> float | None:
    """The largest size (in half points, from ``largest`` down to ``smallest``) at which
    ``paras`` fit a box of ``width`` x ``height`` points; None when not even the smallest does."""
    size = largest
    while size >= smallest - 1e-9:
        if block_height(paras, width, size) <= height:
            return size
        size -= 0.5
    return None


def split(paras: Sequence[Para], width: float, height: float, size: float) -> list[list[Para]]:
    """``paras`` in consecutive chunks that each fit the box at ``size`` (a paragraph taller than
    the box gets a chunk of its own; a heading is never left at the end of a chunk)."""
    chunks: list[list[Para]] = []
    current: list[Para] = []
    for p in paras:
        if current and block_height([*current, p], width, size) > height:
            carry: list[Para] = []
            while current and current[-1].bold and len(current) > 1:  # keep a heading with what follows
                carry.insert(0, current.pop())
            chunks.append(current)
            current = [*carry]
        current.append(p)
    if current:
        chunks.append(current)
    return chunks


def shorten(text: str, width: float, size: float, bold: bool = False, max_lines: int = 1) -> str:
    """``text`` cut to ``max_lines`` lines of ``width`` points, ending in "…" when cut."""
    lines = wrap(text, width, size, bold)
    if len(lines) <= max_lines:
        return text
    kept = " ".join(lines[:max_lines])
    while kept and len(wrap(kept + "…", width, size, bold)) > max_lines:
        kept = kept[:-1]
    return kept.rstrip() + "…"
