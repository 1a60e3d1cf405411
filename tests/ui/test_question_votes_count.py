"""While no consensus is recorded, the question view says that the votes count (not "not answered")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from readiness_app.model import CONSENSUS, ORGANISATION


def test_votes_without_consensus_are_not_shown_as_unanswered(qtbot: Any, window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("maturity")
    page = window.pages["maturity"]
    answers = window.session.file.answers(scope=ORGANISATION)
    consensus = {a.question_id for a in answers if a.participant_id == CONSENSUS}
    voted = [a.question_id for a in answers if a.participant_id != CONSENSUS and a.question_id not in consensus]
    assert voted, "the demo has questions answered by votes only"
    assert page.go_to_question(voted[0])
    label = page.panel.answer_label.text()
    assert "no consensus recorded" in label and "votes counts" in label
    # recording the consensus by keyboard (C selects the consensus row) replaces it with the answer itself
    qtbot.keyClick(page, Qt.Key.Key_C)
    qtbot.keyClick(page, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: "no consensus recorded" not in page.panel.answer_label.text())
    assert page.panel.answer_label.text().startswith("Answer: 3")
