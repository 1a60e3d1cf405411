"""``python -m readiness_app``: the same command line as ``readiness`` (same commands, flags and exit codes)."""

from __future__ import annotations

import sys

from readiness_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
