"""The dashboard explains its scores; the roadmap editor's edits persist and survive re-scoring; export runs off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, Qt

from readiness_app.model import ORGANISATION
from readiness_app.ui import operations
from readiness_app.ui.pages.results import ResultsPage
from readiness_app.ui.pages.roadmap import RoadmapPage


def test_clicking_a_score_shows_the_answers_behind_it(qtbot: Any, window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    assert page.results is not None
    # a heatmap cell: impact of the first-ranked use case
    index = page.heat_model.index(0, 2)
    rect = page.heat_table.visualRect(index)
    qtbot.mouseClick(page.heat_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.why_dialog
    assert dialog is not None and dialog.isVisible()
    uc = page.heat_model.record(0)
    assert dialog.model.rowCount() == len(uc.impact.contributions) > 0
    assert "Why is this" in dialog.windowTitle()
    # double-clicking a contribution opens that question
    with qtbot.waitSignal(page.question_requested) as sig:
        dialog.table.doubleClicked.emit(dialog.model.index(0, 0))
    qid, scope = sig.args
    assert scope == uc.use_case_id
    page.question_requested.emit(qid, scope)
    current = window.page_stack.currentWidget()
    assert current.question().id == qid and current.scope_choice == scope
    dialog.close()
    # a maturity score and a matrix dot
    window.show_step("results")
    page._dimension_clicked(page.dimension_model.index(0, 1))
    assert page.why_dialog is not None and page.why_dialog.model.rowCount() > 0
    first = page.matrix.points[0]
    r = page.matrix._plot_rect()
    pos = page.matrix._pos(first, r)
    qtbot.mouseClick(page.matrix, Qt.MouseButton.LeftButton, pos=QPointF(pos.x(), pos.y()).toPoint())
    assert page.why_dialog.isVisible() and first.label in page.why_dialog.intro_label.text()
    assert "Priority" in page.why_dialog.intro_label.text()


def test_dashboard_follows_answers_and_targets(window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    s = window.session
    dim = page.dimension_model.record(0)
    q = next(q for q in s.library.iter_questions()
             if q.dimension == dim.dimension_id and q.type == "scale" and q.stage == 1)
    count = page.refresh_count
    operations.set_answer(s, q.id, ORGANISATION, value=0)
    low = page.dimension_model.record(0).score.value
    operations.set_answer(s, q.id, ORGANISATION, value=4)
    high = page.dimension_model.record(0).score.value
    assert page.refresh_count == count + 2 and high > low
    # the target is edited in the table and persists
    new_target = 4 if dim.target != 4 else 3
    page.dimension_model.setData(page.dimension_model.index(0, 3), new_target)
    assert s.file.targets()[dim.dimension_id] == new_target
    assert page.dimension_model.record(0).target == new_target
    window.undo()
    assert s.file.targets().get(dim.dimension_id) == dim.target


def test_roadmap_editor(qtbot: Any, window: Any, demo_file: Path, fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    window.show_step("roadmap")
    page: RoadmapPage = window.pages["roadmap"]
    first = page.models[1].record(0)
    assert first is not None
    page.tables[1].selectRow(0)
    page.tables[1].setFocus()
    qtbot.keyClick(page.tables[1], Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # move to phase 2
    assert page.item(first.key)[0] == 2
    qtbot.mouseClick(page.later_button, Qt.MouseButton.LeftButton)
    assert page.item(first.key)[0] == 3
    row = page.models[3].row_of(first.key)
    page.models[3].setData(page.models[3].index(row, 0), "Agree the pilot charter")
    page.models[3].setData(page.models[3].index(row, 1), "Katharina")
    page.models[3].setData(page.models[3].index(row, 2), "12")
    item = page.item(first.key)[1]
    assert (item.title.en, item.owner, item.due_week, item.edited) == ("Agree the pilot charter", "Katharina", 12, True)
    fake_dialogs.texts.append("Brief the works council")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = [i for m in page.models.values() for i in m.rows if i.added]
    assert [i.title.en for i in added] == ["Brief the works council"]
    page.select_item(added[0].key)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.item(added[0].key) is None

    # a re-scoring (an answer changes) keeps the edits; so does reopening the file
    s = window.session
    q = next(q for q in s.library.iter_questions() if q.scope == "organisation" and q.type == "scale")
    operations.set_answer(s, q.id, ORGANISATION, value=1)
    assert page.item(first.key)[0] == 3
    path = s.path
    window.documents.close()
    window.documents.open_path(path)
    window.show_step("roadmap")
    page = window.pages["roadmap"]
    phase, item = page.item(first.key)
    assert (phase, item.title.en, item.owner, item.due_week) == (3, "Agree the pilot charter", "Katharina", 12)
    # undo of the last roadmap edit (before reopening the history is gone: a fresh stack)
    assert not window.session.undo_stack.canUndo()


def test_pdf_export_runs_in_the_background(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                          fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    target = tmp_path / "report.pdf"
    fake_dialogs.files.append(target)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E: export the report
    page = window.pages["export"]
    assert page.task is not None
    with qtbot.waitSignal(page.task.finished, timeout=60_000):
        pass
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert "report.pdf" in page.status_label.text()
    assert fake_dialogs.errors() == []


def test_excel_export_then_drop_the_workbook_to_import_it(qtbot: Any, window: Any, demo_file: Path,
                                                        tmp_path: Path, fake_dialogs: Any) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    window.documents.open_path(demo_file)
    expected = {a.key: a.value for a in window.session.file.answers() if a.participant_id == ""}
    window.show_step("export")
    page = window.pages["export"]
    workbook = tmp_path / "scorecard.xlsx"
    task = page.export("xlsx", workbook)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert workbook.exists()

    imported = tmp_path / "imported.readiness"
    fake_dialogs.files.append(imported)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(workbook))])
    window.dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == imported, timeout=60_000)
    assert fake_dialogs.errors() == []
    got = {a.key: a.value for a in window.session.file.answers() if a.participant_id == ""}
    assert got == expected


def test_the_maturity_chart_draws_every_dimension_against_its_target(qtbot: Any, window: Any,
                                                                    demo_file: Path) -> None:
    from PySide6.QtGui import QPalette

    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    chart = page.chart
    qtbot.waitExposed(window)
    records = [page.dimension_model.record(i) for i in range(page.dimension_model.rowCount())]
    assert [b.key for b in chart._bars] == [r.dimension_id for r in records]
    # the target marker must not sit on the bar's end, where the pixels below are read
    operations.set_target(window.session, records[0].dimension_id, 4)
    records = [page.dimension_model.record(i) for i in range(page.dimension_model.rowCount())]
    first = records[0]
    assert f"{chart._bars[0].label}: {first.score.value:.1f}, Target {first.target}" in chart.accessibleDescription()

    highlight = chart.palette().color(QPalette.ColorRole.Highlight)
    r = chart._plot_rect()

    def bar_end(row: int) -> float:
        """Where the bar of a row stops, read from the painted pixels."""
        image = chart.grab().toImage()
        y = int(chart._row(r, row).center().y()) + 3  # below the target marker's centre line
        xs = [x for x in range(int(r.left()), int(r.right())) if image.pixelColor(x, y) == highlight]
        return max(xs) if xs else r.left()

    expected = chart._x(r, first.score.value)
    assert abs(bar_end(0) - expected) <= 2
    # an answer changes: the bar moves, and the tooltip says the new score
    s = window.session
    q = next(q for q in s.library.iter_questions()
             if q.dimension == first.dimension_id and q.type == "scale" and q.stage == 1)
    draws = chart.draw_count
    operations.set_answer(s, q.id, ORGANISATION, value=0)
    low = page.dimension_model.record(0).score.value
    assert chart.draw_count == draws + 1
    assert abs(bar_end(0) - chart._x(r, low)) <= 2 and low < first.score.value
    bar = chart.bar_at(QPointF(r.center().x(), chart._row(r, 0).center().y()))
    assert bar is not None and bar.key == first.dimension_id and bar.score == low
    # clicking the third bar shows the answers behind that dimension's score
    third = page.dimension_model.record(2)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._row(r, 2).center().toPoint())
    assert page.why_dialog is not None and page.why_dialog.isVisible()
    assert third.name.get("en") in page.why_dialog.intro_label.text()
    assert page.why_dialog.model.rowCount() == len(third.score.contributions) > 0


def test_the_chart_keeps_long_labels_within_a_third_of_its_width(qtbot: Any) -> None:
    from PySide6.QtGui import QFontMetrics

    from readiness_app.ui.charts import MaturityChart, ProfileBar

    chart = MaturityChart()
    qtbot.addWidget(chart)
    chart.resize(420, 320)
    labels = ["Betriebshandbücher-und-Vorfallmanagementverfahren der Versicherungsgruppe",
              "Kostensteuerung", "Datenverantwortlichkeitsregelungen", ""]
    chart.set_bars([ProfileBar(f"d{i}", label, 2.5, 2, 3) for i, label in enumerate(labels)])
    label_font, _small, lines = chart._fonts()
    fm = QFontMetrics(label_font)
    limit = max(60, int(chart.width() * 0.45))
    assert all(len(ls) <= 2 for ls in lines) and lines[3] == [""]
    assert all(fm.horizontalAdvance(line) <= limit for ls in lines for line in ls), lines
    assert lines[0][0].endswith("…")  # a first word wider than the column is shortened, not overflowing
    r = chart._plot_rect()
    assert r.left() <= limit + 14 and r.right() <= chart.width()
    assert chart.bar_at(r.center()) is not None and chart.bar_at(r.topLeft() - r.topLeft() * 2) is None
    chart.grab()  # paints without error
    chart.set_bars([])
    assert chart.bar_at(r.center()) is None
    chart.grab()


def test_the_charts_work_from_the_keyboard(qtbot: Any, window: Any, demo_file: Path) -> None:
    from PySide6.QtTest import QTest

    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    qtbot.waitExposed(window)
    chart = page.chart
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    assert chart.current == 0  # focus lands on the first bar, ringed
    QTest.keyClick(chart, Qt.Key.Key_Down)
    QTest.keyClick(chart, Qt.Key.Key_Down)
    third = page.dimension_model.record(2)
    assert chart.current == 2 and third.name.get("en") in chart.accessibleDescription()
    QTest.keyClick(chart, Qt.Key.Key_Return)
    assert page.why_dialog is not None and third.name.get("en") in page.why_dialog.intro_label.text()
    page.why_dialog.close()
    QTest.keyClick(chart, Qt.Key.Key_Up)
    QTest.keyClick(chart, Qt.Key.Key_Up)
    QTest.keyClick(chart, Qt.Key.Key_Up)  # wraps round to the last bar
    assert chart.current == len(chart._bars) - 1

    matrix = page.matrix
    matrix.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(matrix.hasFocus)
    QTest.keyClick(matrix, Qt.Key.Key_Right)  # from rank 1 to rank 2
    second = next(p for p in matrix.points if p.rank == 2)
    assert matrix.current == 1 and second.label in matrix.accessibleDescription()
    QTest.keyClick(matrix, Qt.Key.Key_Space)
    assert page.why_dialog.isVisible() and second.label in page.why_dialog.intro_label.text()
    assert "Priority" in page.why_dialog.intro_label.text()
