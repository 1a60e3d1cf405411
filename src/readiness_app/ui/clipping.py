"""Find text the window shows elided or cut: labels, buttons, combo boxes, headers, table cells, painted charts.

``scripts/screenshots.py --check-clipping`` renders every step and dialog and calls
:func:`find_clipped` on each; a finding names the widget (its class, object or accessible
name) and the text. Widgets that paint their own text (the step list, the charts) report what
they had to shorten through :func:`elided` as they paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QTableView,
    QToolButton,
    QWidget,
)

SLACK = 1  # rounding


@dataclass(frozen=True)
class Clipped:
    where: str  # the widget: class and name, and for cells "row r, column c"
    text: str
    how: str  # "elided", "cut" (too narrow), "cut vertically"

    def __str__(self) -> str:
        return f"{self.where}: {self.how}: {self.text!r}"


def elided(widget: QWidget, full: str, shown: str) -> None:
    """A widget that paints its own text says it shortened ``full`` (kept until the next check)."""
    if shown != full:
        found = widget.property("clippedTexts") or []
        if full not in found:
            widget.setProperty("clippedTexts", [*found, full])


def _name(w: QWidget) -> str:
    label = w.objectName() or w.accessibleName()
    parent = w.parentWidget()
    while not label and parent is not None:
        label = parent.objectName()
        parent = parent.parentWidget()
    return f"{type(w).__name__}({label})" if label else type(w).__name__


def _shown(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0 and not w.visibleRegion().isEmpty()


def _label(w: QLabel) -> list[Clipped]:
    text = w.text()
    if not text or (w.pixmap() is not None and not w.pixmap().isNull()):
        return []
    rect = w.contentsRect()
    margin = 2 * w.margin() + (2 * w.indent() if w.indent() > 0 else 0)
    rich = w.textFormat() == Qt.TextFormat.RichText or (w.textFormat() == Qt.TextFormat.AutoText and "<" in text)
    if w.wordWrap() or rich:
        need = w.heightForWidth(rect.width()) if w.wordWrap() else w.sizeHint().height()
        if need > rect.height() + SLACK + margin:
            return [Clipped(_name(w), _plain(text), "cut vertically")]
        return []
    fm = QFontMetrics(w.font())
    width = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)
    if width > rect.width() - margin + SLACK:
        return [Clipped(_name(w), text, "cut")]
    return []


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text)[:120]


def _button(w: QAbstractButton) -> list[Clipped]:
    text = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return []
    hint = w.sizeHint()
    if isinstance(w, QPushButton | QCheckBox | QRadioButton | QToolButton) and hint.width() > w.width() + SLACK:
        return [Clipped(_name(w), text, "cut")]
    return []


def _combo(w: QComboBox) -> list[Clipped]:
    text = w.currentText()
    if not text:
        return []
    fm = QFontMetrics(w.font())
    room = w.width() - 40  # the frame and the arrow
    if fm.horizontalAdvance(text) > room + SLACK:
        return [Clipped(_name(w), text, "cut")]
    return []


def _header(view: QAbstractItemView, header: QHeaderView) -> list[Clipped]:
    out: list[Clipped] = []
    model = view.model()
    if model is None or not header.isVisible():
        return out
    fm = QFontMetrics(header.font())
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    count = model.columnCount() if horizontal else model.rowCount()
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if not text or not horizontal:
            continue
        pos = header.sectionViewportPosition(section)
        size = header.sectionSize(section)
        if pos + size <= 0 or pos >= header.viewport().width():
            continue
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        need = max(fm.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin
        if need > size + SLACK:
            out.append(Clipped(f"{_name(view)} header", text, "elided"))
    return out


def _cells(view: QTableView) -> list[Clipped]:
    out: list[Clipped] = []
    model = view.model()
    if model is None:
        return out
    viewport = view.viewport().rect()
    wrap = view.wordWrap()
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            index = model.index(row, column)
            rect = view.visualRect(index)
            if not viewport.contains(rect) or rect.width() <= 0:  # scrolled partly out of view: not clipping
                continue
            if view.isIndexHidden(index) or view.indexWidget(index) is not None:
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or isinstance(text, bool):
                continue
            text = str(text)
            if not text:
                continue
            out += _cell(view, index, text, rect, wrap)
            if len(out) > 20:
                return out
    return out


def _cell(view: QTableView, index: QModelIndex, text: str, rect: QRect, wrap: bool) -> list[Clipped]:
    font = index.data(Qt.ItemDataRole.FontRole)
    fm = QFontMetrics(font if isinstance(font, QFont) else view.font())
    width = rect.width() - 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    if icon is not None:
        width -= view.iconSize().width() + 4
    where = f"{_name(view)} row {index.row() + 1}, column {index.column() + 1}"
    longest_word = max((fm.horizontalAdvance(word) for word in text.split()), default=0)
    if not wrap:
        if max(fm.horizontalAdvance(line) for line in text.split("\n")) > width + SLACK:
            return [Clipped(where, text, "elided")]
        return []
    if longest_word > width + SLACK:  # item views wrap at word boundaries only: a longer word is elided
        return [Clipped(where, text, "elided")]
    need = _wrapped_height(text, font if isinstance(font, QFont) else view.font(), max(width, 1))
    if need > rect.height() + SLACK:
        return [Clipped(where, text, "cut vertically")]
    return []


def _wrapped_height(text: str, font: QFont, width: int) -> int:
    """The height of ``text`` wrapped at ``width`` the way an item view lays it out."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    height = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
    return int(height + 0.999)


def find_clipped(root: QWidget) -> list[Clipped]:
    """Every visible text under ``root`` that is elided or cut at its current size."""
    out: list[Clipped] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not _shown(w):
            continue
        reported = w.property("clippedTexts")
        if reported:
            out += [Clipped(_name(w), str(t), "elided") for t in reported]
        if isinstance(w, QLabel):
            out += _label(w)
        elif isinstance(w, QAbstractButton):
            out += _button(w)
        elif isinstance(w, QComboBox):
            out += _combo(w)
        elif isinstance(w, QTableView):
            out += _header(w, w.horizontalHeader())
            out += _cells(w)
        elif isinstance(w, QAbstractScrollArea):
            pass
    return out


def reset(root: QWidget) -> None:
    """Forget what painted widgets reported (before the next paint)."""
    for w in [root, *root.findChildren(QWidget)]:
        if w.property("clippedTexts"):
            w.setProperty("clippedTexts", [])
