"""Step 9: the 90-day roadmap in three phases. Edits are stored and survive re-scoring."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import role_label
from readiness_app.ui import dialogs, operations
from readiness_app.ui.delegates import keep_text_room
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro

PHASES = (1, 2, 3)


def _phase_label(phase: int) -> str:
    from readiness_app.scoring.results import PHASE_LABELS

    label = PHASE_LABELS.get(phase)
    return label.get(language()) if label else str(phase)


def _phase_weeks(phase: int) -> tuple[int, int]:
    from readiness_app.scoring.roadmap import PHASE_WEEKS

    return PHASE_WEEKS.get(phase, (1, 13))


def _title(item: Any) -> str:
    mark = " ✎" if item.edited else " ＋" if item.added else ""
    return ("✓ " if item.done else "") + item.title.get(language()) + mark


def _done_font(item: Any) -> QFont | None:
    """Done actions read struck through (with a check in front)."""
    if not item.done:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _state(action: Any) -> str:
    return f"✓ {tr('rm.done')}" if action.done else f"○ {tr('rm.open')}"


class RoadmapPage(Page):
    step = "roadmap"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading()
        self.intro_label = intro()
        self.outer.addWidget(self.title_label)
        self.outer.addWidget(self.intro_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.outer.addWidget(self.error_label)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        self.boxes: dict[int, QGroupBox] = {}
        self.models: dict[int, RecordTableModel] = {}
        self.tables: dict[int, QTableView] = {}
        for phase in PHASES:
            box = QGroupBox()
            layout = QVBoxLayout(box)
            model = RecordTableModel(
                [
                    Column("title", "rm.title", _title, edit=lambda i: i.title.get(language()),
                           tooltip=lambda i: i.why.get(language()), font=_done_font),
                    Column("owner", "rm.owner", lambda i: i.owner or role_label(i.owner_role, language()),
                           edit=lambda i: i.owner,
                           tooltip=lambda i: role_label(i.owner_role, language())),
                    Column("due_week", "rm.due", lambda i: str(i.due_week), edit=lambda i: i.due_week,
                           align=Qt.AlignmentFlag.AlignCenter),
                ],
                key=lambda i: i.key,
                on_edit=self._edit,
            )
            table = QTableView()
            table.setModel(model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
            table.verticalHeader().setVisible(False)
            table.setWordWrap(True)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # keep_text_room sizes it
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            keep_text_room(table, {1: 0.34})
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.selectionModel().currentRowChanged.connect(lambda cur, _prev, p=phase: self._selected(p, cur.row()))
            table.installEventFilter(self)
            layout.addWidget(table)
            self.boxes[phase], self.models[phase], self.tables[phase] = box, model, table
            columns.addWidget(box, 1)
        self.outer.addLayout(columns, 2)
        # a follow-up: the baseline's actions, each done or open
        self.earlier_box = QGroupBox()
        earlier_layout = QVBoxLayout(self.earlier_box)
        self.earlier_model = RecordTableModel(
            [
                Column("state", "rm.state", _state),
                Column("title", "rm.title", lambda a: a.title.get(language()), font=_done_font,
                       tooltip=lambda a: a.title.get(language())),
                Column("phase", "rm.phase", lambda a: _phase_label(a.phase)),
                Column("role", "rm.role", lambda a: role_label(a.owner_role, language())),
                Column("planned", "rm.still_planned", lambda a: tr("common.yes") if a.still_planned else tr("res.none"),
                       align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda a: a.key,
        )
        self.earlier_table = QTableView()
        self.earlier_table.setModel(self.earlier_model)
        self.earlier_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.earlier_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.earlier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier_table.verticalHeader().setVisible(False)
        self.earlier_table.setWordWrap(False)
        eh = self.earlier_table.horizontalHeader()
        eh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        eh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for i in (2, 3, 4):
            eh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.earlier_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._earlier_selected(cur.row()))
        self.earlier_table.doubleClicked.connect(lambda _i: self.toggle_done())
        earlier_layout.addWidget(self.earlier_table)
        self.earlier_box.hide()
        self.outer.addWidget(self.earlier_box, 1)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setMinimumHeight(self.fontMetrics().height() * 3)
        self.outer.addWidget(self.detail_label)
        buttons = QHBoxLayout()
        self.earlier_button = QPushButton()
        self.earlier_button.clicked.connect(lambda: self.move_selected(-1))
        self.later_button = QPushButton()
        self.later_button.clicked.connect(lambda: self.move_selected(1))
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(lambda: self.toggle_done())
        self.status_label = QLabel()
        for b in (self.earlier_button, self.later_button, self.add_button, self.remove_button, self.done_button):
            buttons.addWidget(b)
        buttons.addSpacing(16)
        buttons.addWidget(self.status_label, 1)
        self.outer.addLayout(buttons)
        self.selected: tuple[int, str] | None = None
        self.earlier_selected: str | None = None  # a baseline action chosen in the follow-up's list
        self.retranslate()

    # ---------------------------------------------------------------- redraw

    def refresh(self, change: Change | None) -> None:
        assert self.session is not None
        results = self.session.results()
        if results is None:
            self.error_label.setText(tr("rm.no_scoring"))
            self.error_label.show()
            for m in self.models.values():
                m.set_rows([])
            return
        self.error_label.hide()
        roadmap = results.roadmap
        for phase in PHASES:
            self.models[phase].set_rows(list(roadmap.phase(phase)))
        self.status_label.setText(tr("rm.removed_count", count=len(roadmap.removed)) if roadmap.removed else "")
        self._fill_earlier()
        if self.selected is not None:
            self.select_item(self.selected[1])
        self._update_detail()

    def _fill_earlier(self) -> None:
        """A follow-up lists the baseline's actions, done or open."""
        assert self.session is not None
        movement = self.session.movement()
        actions = list(movement.actions) if movement is not None else []
        self.earlier_box.setVisible(bool(actions))
        self.earlier_model.set_rows(actions)
        self.earlier_model.refresh_all()  # the state reads the language too
        done = sum(1 for a in actions if a.done)
        self.earlier_box.setTitle(tr("rm.earlier_actions", done=done, total=len(actions)))
        if self.earlier_selected is not None:
            row = self.earlier_model.row_of(self.earlier_selected)
            if row < 0:
                self.earlier_selected = None
            else:
                sm = self.earlier_table.selectionModel()
                sm.blockSignals(True)
                self.earlier_table.setCurrentIndex(self.earlier_model.index(row, 0))
                self.earlier_table.selectRow(row)
                sm.blockSignals(False)

    def item(self, key: str) -> tuple[int, Any] | None:
        for phase, m in self.models.items():
            row = m.row_of(key)
            if row >= 0:
                return phase, m.record(row)
        return None

    def select_item(self, key: str) -> bool:
        found = self.item(key)
        if found is None:
            self.selected = None
            return False
        phase, _item = found
        row = self.models[phase].row_of(key)
        for p, t in self.tables.items():
            if p != phase:
                t.clearSelection()
        table = self.tables[phase]
        table.selectionModel().blockSignals(True)
        table.setCurrentIndex(self.models[phase].index(row, 0))
        table.selectRow(row)
        table.selectionModel().blockSignals(False)
        self.selected = (phase, key)
        self._leave_earlier()
        self._update_detail()
        return True

    def _selected(self, phase: int, row: int) -> None:
        rec = self.models[phase].record(row)
        if rec is None:
            return
        for p, t in self.tables.items():
            if p != phase:
                t.clearSelection()
        self.selected = (phase, rec.key)
        self._leave_earlier()
        self._update_detail()

    def _earlier_selected(self, row: int) -> None:
        rec = self.earlier_model.record(row)
        if rec is None:
            return
        for t in self.tables.values():
            t.clearSelection()
        self.selected = None
        self.earlier_selected = rec.key
        self._update_detail()

    def _leave_earlier(self) -> None:
        if self.earlier_selected is not None:
            self.earlier_selected = None
            self.earlier_table.clearSelection()

    def done_target(self) -> tuple[str, str, bool] | None:
        """The action "Mark done" works on: (key, title, done now), from either list."""
        lang = language()
        if self.earlier_selected is not None:
            row = self.earlier_model.row_of(self.earlier_selected)
            a = self.earlier_model.record(row)
            return (a.key, a.title.get(lang), a.done) if a is not None else None
        found = self.item(self.selected[1]) if self.selected else None
        if found is None:
            return None
        it = found[1]
        return it.key, it.title.get(lang), it.done

    def _update_detail(self) -> None:
        target = self.done_target()
        self.done_button.setEnabled(target is not None)
        self.done_button.setText(tr("rm.mark_open") if target is not None and target[2] else tr("rm.mark_done"))
        self.done_button.setAccessibleName(self.done_button.text())
        found = self.item(self.selected[1]) if self.selected else None
        has = found is not None
        for b in (self.earlier_button, self.later_button, self.remove_button):
            b.setEnabled(has)
        if not has:
            self.detail_label.setText("")
            return
        assert found is not None
        phase, it = found
        self.earlier_button.setEnabled(phase > 1)
        self.later_button.setEnabled(phase < 3)
        lang = language()
        parts = [f"<b>{it.title.get(lang)}</b>"]
        if it.why.get(lang):
            parts.append(f"{tr('rm.why')}: {it.why.get(lang)}")
        parts.append(f"{tr('rm.role')}: {role_label(it.owner_role, lang)} · {tr('rm.effort')}: {it.effort}")
        findings = "; ".join(f.text.get(lang) for f in it.findings[:4])
        if findings:
            parts.append(findings)
        self.detail_label.setText("<br>".join(parts))

    # ---------------------------------------------------------------- keyboard: Ctrl+←/→ moves, Delete removes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.tables.values():
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() == Qt.Key.Key_Left:
                self.move_selected(-1)
                return True
            if ctrl and event.key() == Qt.Key.Key_Right:
                self.move_selected(1)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- slots → operations

    def _edit(self, item: Any, field: str, value: Any) -> None:
        if self.session is None:
            return
        if field == "title":
            text = str(value).strip()
            if text:
                operations.edit_roadmap(self.session, item.key, "edit", {"title": text})
        elif field == "owner":
            operations.edit_roadmap(self.session, item.key, "edit", {"owner": str(value).strip()})
        elif field == "due_week":
            try:
                week = int(str(value).strip())
            except ValueError:
                return
            if 1 <= week <= 13:
                operations.edit_roadmap(self.session, item.key, "edit", {"due_week": week})

    def move_selected(self, delta: int) -> bool:
        if self.session is None or self.selected is None:
            return False
        found = self.item(self.selected[1])
        if found is None:
            return False
        phase, it = found
        target = phase + delta
        if target not in PHASES:
            return False
        key = it.key
        ok = operations.edit_roadmap(self.session, key, "move", {"phase": target, "due_week": _phase_weeks(target)[1]})
        if ok:
            self.select_item(key)
            self.tables[target].setFocus()
        return ok

    def add_item(self, title: str | None = None, phase: int | None = None) -> str | None:
        if self.session is None:
            return None
        if title is None:
            title = dialogs.service().ask_text(tr("rm.new_title"), tr("rm.new_prompt"))
            if not title or not title.strip():
                return None
        phase = phase or (self.selected[0] if self.selected else 1)
        key = f"custom-{uuid.uuid4().hex[:8]}"
        ok = operations.edit_roadmap(self.session, key, "add", {
            "title": title.strip(), "phase": phase, "owner_role": "other", "owner": "",
            "due_week": _phase_weeks(phase)[1]})
        if ok:
            self.select_item(key)
            return key
        return None

    def toggle_done(self, done: bool | None = None) -> bool:
        """Mark the selected action done (or open again when it is done); undoable."""
        target = self.done_target()
        if self.session is None or target is None:
            return False
        key, title, is_done = target
        new = (not is_done) if done is None else done
        if new == is_done:
            return False
        return operations.mark_done(self.session, key, new, title)

    def remove_selected(self) -> bool:
        if self.session is None or self.selected is None:
            return False
        key = self.selected[1]
        self.selected = None
        return operations.edit_roadmap(self.session, key, "remove")

    # ---------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.title_label.setText(tr("rm.heading"))
        self.intro_label.setText(tr("rm.intro"))
        for phase in PHASES:
            self.boxes[phase].setTitle(_phase_label(phase))
            self.tables[phase].setAccessibleName(_phase_label(phase))
            self.models[phase].retranslate()
        for b, key in ((self.earlier_button, "rm.earlier"), (self.later_button, "rm.later"),
                       (self.add_button, "rm.add"), (self.remove_button, "rm.remove")):
            b.setText(tr(key))
            b.setAccessibleName(tr(key))
        self.done_button.setText(tr("rm.mark_done"))
        self.earlier_table.setAccessibleName(tr("rm.earlier_title"))
        self.earlier_model.retranslate()
        super().retranslate()
