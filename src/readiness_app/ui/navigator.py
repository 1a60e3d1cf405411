"""The step navigator on the left: every step with its completion; any step, any order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui import clipping
from readiness_app.ui.i18n import plural, tr
from readiness_app.ui.models import (
    CompleteRole,
    DetailRole,
    KeyRole,
    RatioRole,
    StepItem,
    StepsModel,
    TitleRole,
)
from readiness_app.ui.pages.base import scaled_font
from readiness_app.ui.progress import STEPS, StepStatus

Index = QModelIndex | QPersistentModelIndex


class StepList(QListView):
    """The list of steps; says when the mouse leaves it (the hover highlight goes)."""

    left = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()  # step titles wrap by the width: their rows change height with it

    def leaveEvent(self, event: QEvent) -> None:
        self.left.emit()
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:  # onto the frame or the scroll bar: off the steps
            self.left.emit()
        return bool(super().viewportEvent(event))


class StepDelegate(QStyledItemDelegate):
    """Two lines per step: "3. Title" and a muted detail with a thin completion bar.

    Selection and hover come from the view, not from ``option.state``: reading that makes
    PySide build its whole ``QStyle`` class, a twentieth of the app's start-up.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.hovered_row = -1

    def set_hovered(self, row: int) -> None:
        if row != self.hovered_row:
            self.hovered_row = row
            self.view.viewport().update()

    def _title_lines(self, font: QFont, title: str) -> list[str]:
        """The step title in one line, or two where the list is narrow (never elided mid-word)."""
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetrics(bold)
        width = self.text_width() - (fm.horizontalAdvance("✓") + 10)
        if fm.horizontalAdvance(title) <= width:
            return [title]
        words = title.split()
        for cut in range(len(words) - 1, 0, -1):
            first = " ".join(words[:cut])
            if fm.horizontalAdvance(first) <= width:
                return [first, " ".join(words[cut:])]
        return [title]

    def text_width(self) -> int:
        """The room for a title: the list's width less its frame and a scroll bar (shown or not, so
        rows keep their height when one appears)."""
        bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.view)
        return self.view.width() - 2 * self.view.frameWidth() - bar - 4 - 12

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = option.fontMetrics
        lines = len(self._title_lines(option.font, str(index.data(TitleRole) or "")))
        return QSize(200, int(fm.height() * (1.9 + lines)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        pal = option.palette
        selected = self.view.selectionModel().isSelected(index)
        r = QRectF(option.rect).adjusted(2, 2, -2, -2)
        if selected:
            painter.fillRect(r, pal.color(QPalette.ColorRole.Highlight))
        elif index.row() == self.hovered_row:
            hover = QColor(pal.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(40)
            painter.fillRect(r, hover)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(fg)
        muted.setAlpha(170)
        fm = option.fontMetrics
        line = fm.height()
        complete = bool(index.data(CompleteRole))
        mark_w = fm.horizontalAdvance("✓") + 10
        painter.setPen(QColor(76, 175, 80) if complete and not selected else fg)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(r.left() + 6, r.top() + 4, mark_w, line), Qt.AlignmentFlag.AlignLeft,
                         "✓" if complete else "")
        painter.setPen(fg)
        title = str(index.data(TitleRole) or "")
        text_left = r.left() + 6 + mark_w
        width = min(r.right() - text_left - 6, self.text_width() - mark_w)
        lines = self._title_lines(option.font, title)
        for i, text in enumerate(lines):
            shown = _elide(bold, text, int(width))
            clipping.elided(self.view, text, shown)
            painter.drawText(QRectF(text_left, r.top() + 4 + i * line, width, line), Qt.AlignmentFlag.AlignLeft, shown)
        top = r.top() + (len(lines) - 1) * line
        detail = str(index.data(DetailRole) or "")
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(muted)
        ratio = index.data(RatioRole)
        bar_w = 56 if ratio is not None else 0
        small = _fitting(small, detail, int(width - bar_w - 8))
        painter.setFont(small)
        shown = _elide(small, detail, int(width - bar_w - 8))
        clipping.elided(self.view, detail, shown)
        painter.drawText(QRectF(text_left, top + 6 + line, width - bar_w - 8, line), Qt.AlignmentFlag.AlignLeft,
                         shown)
        if ratio is not None:
            bar = QRectF(r.right() - 6 - bar_w, top + 6 + line + line * 0.35, bar_w, max(4.0, line * 0.3))
            painter.setPen(QPen(muted, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(bar, 2, 2)
            fill = QRectF(bar.left(), bar.top(), bar.width() * min(max(float(ratio), 0.0), 1.0), bar.height())
            painter.fillRect(fill, QColor(76, 175, 80) if complete else muted)
        painter.restore()


def _fitting(font: QFont, text: str, width: int, smallest: float = 0.78) -> QFont:
    """``font``, a little smaller where that makes ``text`` fit (a long step title, a German one)."""
    f = QFont(font)
    floor = font.pointSizeF() * smallest
    while QFontMetrics(f).horizontalAdvance(text) > width and f.pointSizeF() - 0.5 >= floor:
        f.setPointSizeF(f.pointSizeF() - 0.5)
    return f


def _elide(font: QFont, text: str, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 10))


class Navigator(QWidget):
    step_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 14, 6, 10)
        self.title_label = QLabel()
        self.title_label.setFont(scaled_font(self.title_label, 1.1, bold=True))
        layout.addWidget(self.title_label)
        self.model = StepsModel(self)
        self.view = StepList()
        self.view.setModel(self.model)
        self.delegate = StepDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.entered.connect(lambda index: self.delegate.set_hovered(index.row()))
        self.view.viewportEntered.connect(lambda: self.delegate.set_hovered(-1))
        self.view.left.connect(lambda: self.delegate.set_hovered(-1))
        self.model.modelReset.connect(lambda: self.delegate.set_hovered(-1))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMouseTracking(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # two-line titles re-flow when the list is resized
        self.view.setFont(scaled_font(self.view, 1.05))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)
        self._statuses: dict[str, StepStatus] = {}
        self.setMinimumWidth(250)  # long titles wrap onto a second line
        self.retranslate()

    def set_statuses(self, statuses: dict[str, StepStatus]) -> None:
        self._statuses = dict(statuses)
        items = []
        for key in STEPS:
            st = statuses.get(key)
            detail = ""
            ratio: float | None = None
            if key == "use_cases" and st is not None:
                detail = plural(st.done, "nav.use_cases")
            elif key == "participants" and st is not None:
                detail = tr("nav.roles", done=st.done, total=st.total)
                ratio = st.ratio
            elif st is not None and st.total:
                detail = tr("nav.complete") if st.complete else tr("nav.done", done=st.done, total=st.total)
                ratio = st.ratio
            elif key == "engagement":
                detail = ""
            items.append(StepItem(key, tr(f"step.{key}"), detail, bool(st and st.complete), ratio))
        self.model.set_items(items)

    def update_statuses(self, statuses: dict[str, StepStatus]) -> None:
        """Update the named steps and keep the others (while scoring runs, the question steps keep their last progress)."""
        self.set_statuses({**self._statuses, **statuses})

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def current(self) -> str:
        idx = self.view.currentIndex()
        return str(idx.data(KeyRole)) if idx.isValid() else ""

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.step_selected.emit(str(current.data(KeyRole)))

    def retranslate(self) -> None:
        self.title_label.setText(tr("nav.title"))
        self.view.setAccessibleName(tr("nav.accessible"))
        self.set_statuses(self._statuses)
