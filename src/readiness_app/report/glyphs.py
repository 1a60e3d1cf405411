"""Any text the PDF can print: a glyph for every character, and a length rule for what cannot fit.

* **Fonts**: DejaVu Sans first (Latin, Greek, Cyrillic, Hebrew, Arabic, combining marks), then
  Noto Sans CJK (Chinese, Japanese, Korean; a TrueType subset of the CJK blocks, made by
  ``scripts/make_cjk_font.py``) and Symbola (emoji and symbols, outlines). Each run of
  characters the DejaVu fonts lack is set in the first fallback font that has them; a character
  no bundled font has prints as U+FFFD, the replacement character (logged as a warning).
  Only the glyphs used are embedded, so a report without such text is exactly as small as before.
* **Characters**: control characters print as their visible pictures (␀ … ␟), invisible
  format characters (zero-width joiners, direction marks, variation selectors) are dropped,
  tabs become spaces and every kind of line break a line break. Right-to-left text is printed
  in its stored (logical) order: reportlab has no bidirectional layout.
* **Length**: while a report is laid out under :func:`shortening`, any user text longer than the
  limit is cut at a word boundary with "…" and a mark ``[n]``; :func:`full_texts` lists every
  such text in full at the end of the report, where paragraphs split across pages.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from readiness_app.resources import asset_path

log = logging.getLogger(__name__)

PRIMARY_FONTS = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")
CJK_FONT = "RS-NotoSansCJK"
SYMBOL_FONT = "RS-Symbola"
FALLBACK_FILES = ((CJK_FONT, "NotoSansCJK-Subset.ttf"), (SYMBOL_FONT, "Symbola.ttf"))
REPLACEMENT = "\ufffd"

LONG_TEXT_LIMIT = 400  # characters of one user text in the body of the report
SHORT_TEXT_LIMIT = 120  # the same when the report cannot be laid out otherwise (a second pass)

_INVISIBLE = dict.fromkeys([
    *map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069"
                "\ufe0e\ufe0f\ufeff"),  # zero-width, direction marks, variation selectors, BOM
    *range(0x1F3FB, 0x1F400),  # skin-tone modifiers: nothing to colour without colour emoji
])
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    return "\u2421" if code == 0x7F else REPLACEMENT  # ␡; C1 controls and lone surrogates


def printable(text: str) -> str:
    """``text`` as the report prints it: line breaks as ``\\n``, tabs as spaces, controls as pictures."""
    for brk in ("\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"):
        text = text.replace(brk, "\n")
    return _CONTROL.sub(_picture, text.replace("\t", " ").translate(_INVISIBLE))


@cache
def _primary() -> frozenset[int]:
    """The characters every DejaVu face has (so bold and italic text never lose a glyph)."""
    faces = [frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name in PRIMARY_FONTS]
    return frozenset.intersection(*faces)


@cache
def _fallbacks() -> tuple[tuple[str, frozenset[int]], ...]:
    """The fallback fonts (registered on first need) and the characters each has: DejaVu Sans
    itself first (for what only its regular face has, such as Arabic), then the bundled ones."""
    found = [(PRIMARY_FONTS[0], frozenset(pdfmetrics.getFont(PRIMARY_FONTS[0]).face.charToGlyph))]
    folder = asset_path("fonts")
    for name, file_name in FALLBACK_FILES:
        path = folder / file_name
        try:
            font = TTFont(name, str(path))
        except Exception as exc:  # a missing or unreadable font: its characters print as U+FFFD
            log.warning("report fallback font %s unavailable: %s", path, exc)
            continue
        pdfmetrics.registerFont(font)
        found.append((name, frozenset(font.face.charToGlyph)))
    return tuple(found)


def font_runs(text: str) -> list[tuple[str, str]]:
    """``text`` (already :func:`printable`) as runs of ``(font, characters)``; font ``""`` is the
    style's own (DejaVu). Characters no font has become U+FFFD."""
    primary = _primary()
    runs: list[tuple[str, str]] = []
    missing = 0
    for ch in text:
        code = ord(ch)
        font = ""
        if code not in primary and ch != "\n":
            font = next((name for name, has in _fallbacks() if code in has), "")
            if not font:
                ch, missing = REPLACEMENT, missing + 1
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    if missing:
        log.warning("report: %d character(s) no bundled font has were printed as %s", missing, REPLACEMENT)
    return runs


def markup(text: str) -> str:
    """``text`` (already :func:`printable`) as paragraph markup: escaped, fallback fonts set, breaks kept."""
    if text.isascii() or all(ord(c) in _primary() for c in text):
        return escape(text).replace("\n", "<br/>")
    return "".join(escape(part) if not font else f'<font name="{font}">{escape(part)}</font>'
                   for font, part in font_runs(text)).replace("\n", "<br/>")


def draw_string(canvas: object, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw one line on a canvas with the same fallback fonts; returns its width."""
    start = x
    for run_font, part in font_runs(printable(text).replace("\n", " ")):
        name = run_font or font
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, part)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(part, name, size)
    return x - start


def string_width(text: str, font: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(part, run_font or font, size)
                     for run_font, part in font_runs(printable(text).replace("\n", " "))))


# --------------------------------------------------------------------------- the length rule


@dataclass
class LongTexts:
    """The user texts shortened in one layout pass, numbered in order of first appearance."""

    limit: int
    texts: list[str] = field(default_factory=list)

    def mark(self, text: str) -> int:
        if text not in self.texts:
            self.texts.append(text)
        return self.texts.index(text) + 1


_LONG: ContextVar[LongTexts | None] = ContextVar("readiness_long_texts", default=None)


@contextlib.contextmanager
def shortening(limit: int = LONG_TEXT_LIMIT) -> Iterator[LongTexts]:
    """Shorten long user texts while the report is laid out (see the module docstring)."""
    long = LongTexts(limit)
    token = _LONG.set(long)
    try:
        yield long
    finally:
        _LONG.reset(token)


def shorten(text: str) -> tuple[str, str]:
    """``(text, "")``, or when it is over the limit, its start cut at a word and the mark ``" [n]"``."""
    long = _LONG.get()
    if long is None or len(text) <= long.limit:
        return text, ""
    number = long.mark(text)
    cut = text[:long.limit]
    space = cut.rfind(" ", long.limit * 2 // 3)
    return (cut[:space] if space > 0 else cut).rstrip() + "…", f" [{number}]"


def user_text(text: str) -> str:
    """User text as paragraph markup: printable, shortened by the rule, every character with a glyph."""
    shown, mark = shorten(printable(text).strip())
    return markup(shown) + escape(mark)


def full_texts() -> list[str]:
    """The texts shortened so far in this pass (each as markup, unshortened), for the report's end."""
    long = _LONG.get()
    return [markup(text) for text in (long.texts if long is not None else [])]
