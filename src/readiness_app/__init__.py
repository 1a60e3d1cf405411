"""Readiness Studio: AI-readiness workshops, scored and exported, offline."""

__version__ = "0.1.0"
APP_NAME = "Readiness Studio"
