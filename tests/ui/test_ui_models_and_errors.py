"""Item models (qtmodeltester), error dialogs on bad files, translations, background tasks."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import lock_path_for
from readiness_app.ui import i18n
from readiness_app.ui.models import Column, RecordTableModel, StepItem, StepsModel
from readiness_app.ui.pages.questions import QuestionPage
from readiness_app.ui.pages.results import ResultsPage
from readiness_app.ui.tasks import Cancelled, Task


def test_record_table_model(qtmodeltester: Any) -> None:
    edits: list[tuple[Any, str, Any]] = []
    model = RecordTableModel(
        [Column("name", "part.name", lambda r: r["name"], edit=lambda r: r["name"]),
         Column("n", "res.score", lambda r: str(r["n"]), align=Qt.AlignmentFlag.AlignRight)],
        key=lambda r: r["id"], on_edit=lambda r, f, v: edits.append((r["id"], f, v)))
    model.set_rows([{"id": "a", "name": "Ada", "n": 1}, {"id": "b", "name": "Ben", "n": 2}])
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 0), "Bea")
    assert edits == [("b", "name", "Bea")]
    assert not model.setData(model.index(1, 1), "3"), "read-only column"
    model.set_rows([{"id": "b", "name": "Bea", "n": 2}])
    qtmodeltester.check(model)


def test_steps_model(qtmodeltester: Any) -> None:
    model = StepsModel()
    model.set_items([StepItem("engagement", "Engagement", "complete", True), StepItem("results", "Results", "", False)])
    qtmodeltester.check(model)


def test_page_models_on_the_demo(qtbot: Any, qtmodeltester: Any, window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    for step in ("participants", "use_cases", "maturity", "readiness", "results", "roadmap"):
        window.show_step(step)
    qtmodeltester.check(window.pages["participants"].model)
    qtmodeltester.check(window.pages["use_cases"].model)
    page: QuestionPage = window.pages["readiness"]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.votes.model)
    results: ResultsPage = window.pages["results"]
    qtmodeltester.check(results.heat_model)
    qtmodeltester.check(results.dimension_model)
    for m in window.pages["roadmap"].models.values():
        qtmodeltester.check(m)
    qtmodeltester.check(window.navigator.model)


def test_locked_file_shows_a_dialog_and_changes_nothing(window: Any, tmp_path: Path, fake_dialogs: Any,
                                                         mini_library: Any) -> None:
    path = tmp_path / "busy.readiness"
    AssessmentFile.create(path, mini_library, lock=False).close()
    before = path.read_bytes()
    with AssessmentFile.open(path):
        assert window.documents.open_path(path) is None
    assert window.session is None
    (title, _what, todo), = fake_dialogs.errors()
    assert "open elsewhere" in title and "Close it" in todo
    assert path.read_bytes() == before


def test_in_german_the_dialog_says_in_german_what_happened(window: Any, tmp_path: Path, fake_dialogs: Any,
                                                           mini_library: Any) -> None:
    path = tmp_path / "busy.readiness"
    AssessmentFile.create(path, mini_library, lock=False).close()
    i18n.set_language("de")
    with AssessmentFile.open(path):
        assert window.documents.open_path(path) is None
    (title, what, todo), = fake_dialogs.errors()
    assert title == i18n.tr("error.locked_title") and "Close it" not in todo
    assert "diese Bewertung ist bereits geöffnet von" in what and "Schließen Sie sie dort zuerst" in what


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_bad_files_show_what_happened_and_what_to_do(window: Any, tmp_path: Path, fake_dialogs: Any,
                                                      mini_library: Any, damage: str) -> None:
    path = tmp_path / "bad.readiness"
    if damage == "garbage":
        path.write_bytes(b"this is not an assessment" * 10)
    else:
        AssessmentFile.create(path, mini_library, lock=False).close()
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 999")
    before = path.read_bytes()
    assert window.documents.open_any(path) is None
    (title, what, todo), = fake_dialogs.errors()
    assert "could not be opened" in title
    assert ("newer version" in what) if damage == "newer" else ("not an SQLite database" in what)
    assert "not changed" in todo
    assert path.read_bytes() == before


def test_a_damaged_assessment_is_refused_with_a_dialog_and_left_unlocked(window: Any, mini_demo_file: Path,
                                                                        fake_dialogs: Any) -> None:
    """Header and identity intact, pages inside garbled: found by the page-by-page check on open."""
    data = bytearray(mini_demo_file.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for n in range(2, len(data) // page - 2):
        data[n * page:(n + 1) * page] = bytes(range(256)) * (page // 256)
    mini_demo_file.write_bytes(bytes(data))
    assert window.documents.open_any(mini_demo_file) is None
    assert window.session is None and window.central.currentWidget() is window.start_page
    (title, what, todo), = fake_dialogs.errors()
    assert "could not be opened" in title and mini_demo_file.name in what
    assert "damaged" in what or "cannot" in what
    assert "not changed" in todo and "backup" in todo
    assert not lock_path_for(mini_demo_file).exists()
    assert mini_demo_file.read_bytes() == bytes(data)


def test_unsupported_drop_and_drop_opens_a_file(qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any,
                                                 mini_library: Any) -> None:
    path = tmp_path / "dropped.readiness"
    AssessmentFile.create(path, mini_library, lock=False).close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session is not None and window.session.path == path
    window.documents.open_any(tmp_path / "notes.txt")
    assert "cannot be opened" in fake_dialogs.errors()[-1][0]


def test_every_string_has_both_languages() -> None:
    for key, (en, de) in i18n.STRINGS.items():
        assert en.strip() and de.strip(), key
        assert set(_fields(en)) == set(_fields(de)), f"{key}: placeholders differ"


def _fields(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


def test_german_switches_interface_and_questionnaire_text(window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("maturity")
    page: QuestionPage = window.pages["maturity"]
    q = page.question()
    assert q is not None
    window.actions_by_key["lang_de"].trigger()
    assert i18n.language() == "de"
    assert window.file_menu.title() == "&Datei"
    assert page.panel.text_label.text() == q.text.de
    assert page.title_label.text() == "Reifegrad KI-Betrieb"
    assert window.navigator.model.data(window.navigator.model.index(0, 0)).split("\n")[0].endswith("Auftrag einrichten")
    window.actions_by_key["lang_en"].trigger()
    assert page.panel.text_label.text() == q.text.en


def test_accessible_names_on_controls(window: Any, demo_file: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    window.documents.open_path(demo_file)
    missing = []
    for step, page in window.pages.items():
        window.show_step(step)
        controls = [w for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
                    for w in page.findChildren(cls)]
        for w in controls:
            if not w.isVisibleTo(page) or w.parent() is None or type(w).__name__ in ("QCheckBox",):
                continue
            if w.objectName().startswith("qt_") or isinstance(w.parent(), QAbstractItemView):
                continue
            if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text())):
                missing.append(f"{step}: {type(w).__name__} {w.objectName()}")
    assert missing == []


def test_background_task_reports_progress_and_can_be_cancelled(qtbot: Any) -> None:
    seen: list[tuple[int, int]] = []
    go = threading.Event()

    def work(progress: Any, cancelled: Any) -> str:
        progress(1, 2)
        go.wait(2)
        if cancelled():
            raise Cancelled()
        return "done"

    task = Task(work, "test", None, show_progress=False)
    task._signals.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(task.failed, timeout=3000) as blocker:
        task.start()
        task.cancel()
        go.set()
    assert isinstance(blocker.args[0], Cancelled)

    ok = Task(lambda progress, cancelled: 42, "test", None, show_progress=False)
    with qtbot.waitSignal(ok.finished, timeout=3000) as blocker:
        ok.start()
    assert blocker.args == [42]


def test_help_and_about(qtbot: Any, window: Any, fake_dialogs: Any, monkeypatch: Any, demo_file: Path) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the help card: every key on one card, non-modal
    card = window.help_card
    assert card.isVisible() and "Ctrl+Z" in card.text.text() and "Workshop mode" in card.text.text()
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.isVisible()
    from readiness_app.ui import about_dialog

    shown: list[tuple[Any, Any]] = []
    monkeypatch.setattr(about_dialog.AboutDialog, "present",
                        classmethod(lambda cls, parent=None, file=None, settings_file=None: shown.append((file, settings_file))))
    window.documents.open_path(demo_file)
    window.actions_by_key["about"].trigger()
    assert shown and shown[0][0] is window.session.file and shown[0][1].name == "readiness-studio.ini"


def test_without_a_real_system_font_the_interface_uses_dejavu_and_registers_it_only_if_missing(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    from readiness_app.ui import application as ui_app

    registered: list[str] = []
    monkeypatch.setattr(ui_app, "register_fonts", lambda: registered.append("bundled") or "DejaVu Sans")
    font = ui_app.interface_font(QFont("No Such Family 42", 8))
    assert font.family() == "DejaVu Sans" and font.pointSizeF() == 10.5  # installed here: nothing registered
    assert registered == []
    monkeypatch.setattr(QFontDatabase, "hasFamily", staticmethod(lambda _family: False))
    assert ui_app.interface_font(QFont("No Such Family 42", 14)).family() == "DejaVu Sans"
    assert registered == ["bundled"]  # a machine without it gets our bundled copy
    exact = QFont(QFontDatabase.families()[0], 12)
    assert exact.exactMatch() and ui_app.interface_font(exact).family() == exact.family()  # a real font stays


def test_the_bundled_fonts_register(qapp: Any) -> None:
    from readiness_app.ui.app import register_fonts

    assert register_fonts() == "DejaVu Sans"


def test_the_navigator_highlights_the_current_step_and_the_one_under_the_mouse(qtbot: Any, window: Any,
                                                                               demo_file: Path) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.documents.open_path(demo_file)
    window.show_step("maturity")
    nav = window.navigator
    view = nav.view
    qtbot.waitExposed(window)

    def colour_of(row: int) -> QColor:
        rect = view.visualRect(nav.model.index(row, 0))
        return view.viewport().grab().toImage().pixelColor(rect.left() + 4, rect.center().y())

    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    base = colour_of(1)
    assert colour_of(5) == highlight  # the current step: full highlight
    assert base != highlight
    QTest.mouseMove(view.viewport(), view.visualRect(nav.model.index(2, 0)).center())
    qtbot.waitUntil(lambda: nav.delegate.hovered_row == 2)
    hovered = colour_of(2)
    assert hovered not in (base, highlight)  # a light tint of the highlight under the mouse
    assert colour_of(5) == highlight and colour_of(1) == base
    QApplication.sendEvent(view, QEvent(QEvent.Type.Leave))  # the mouse leaves the list
    assert colour_of(2) == base
    QTest.mouseMove(view.viewport(), view.visualRect(nav.model.index(3, 0)).center())
    qtbot.waitUntil(lambda: nav.delegate.hovered_row == 3)
    QApplication.sendEvent(view.viewport(), QEvent(QEvent.Type.Leave))  # onto the scroll bar or frame
    assert nav.delegate.hovered_row == -1 and colour_of(3) == base


def test_recent_files_show_their_folder_under_home_as_a_tilde(window: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, mini_library: Any) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    at_home = tmp_path / "home" / "Workshops" / "Nordwind" / "kickoff.readiness"
    elsewhere = tmp_path / "shared" / "peer.readiness"
    for path in (at_home, elsewhere):
        path.parent.mkdir(parents=True)
        AssessmentFile.create(path, mini_library, lock=False).close()
    window.start_page.set_recent([at_home, elsewhere, tmp_path / "home" / "gone.readiness"])
    labels = [window.start_page.recent_list.item(i).text() for i in range(window.start_page.recent_list.count())]
    sep = "/" if os.sep == "/" else "\\"
    assert labels[0] == f"kickoff.readiness    —    ~{sep}Workshops{sep}Nordwind"
    assert labels[1] == f"peer.readiness    —    {elsewhere.parent}"  # outside home: the full folder
    assert labels[2] == "gone.readiness    —    ~ (missing)"
    assert window.start_page.recent_list.item(0).toolTip() == str(at_home)  # the full path on hover


def test_idle_warm_up_imports_page_modules_one_by_one_and_survives_a_broken_one(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from readiness_app.ui import app as ui_app

    for name, body in (("warm_a", "VALUE = 1\n"), ("warm_broken", "raise RuntimeError('no')\n"), ("warm_b", "VALUE = 2\n")):
        (tmp_path / f"{name}.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("warm_a", "warm_broken", "warm_b"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    ui_app.warm_up_pages(("warm_a", "warm_broken", "warm_b"), gap_ms=5)
    assert "warm_a" in sys.modules and "warm_b" not in sys.modules  # one per turn of the event loop
    qtbot.waitUntil(lambda: "warm_b" in sys.modules, timeout=2000)
    assert ui_app.WARM_UP_MODULES and all(m.startswith("readiness_app.ui.") for m in ui_app.WARM_UP_MODULES)
