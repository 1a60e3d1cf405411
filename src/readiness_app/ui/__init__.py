"""The Qt desktop interface (PySide6). Widgets, item models and thin controllers only.

Every change to an assessment goes through :mod:`readiness_app.ui.operations`; scores come
from :mod:`readiness_app.scoring`. Nothing here runs SQL or computes a score.
"""
