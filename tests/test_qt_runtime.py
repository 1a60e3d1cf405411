"""Guards against Qt binding defects that would crash a long workshop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 lost one reference to None per call of a method returning
    nothing; after a few thousand edits the interpreter aborted ("none_dealloc")."""
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 50
