#!/usr/bin/env bash
# Install what Readiness Studio needs to run and test, idempotently.
#
# 1. Linux: the system libraries offscreen Qt needs, poppler-utils (PDF checks) and a font.
#    As root with apt-get they are installed; otherwise the missing ones are listed.
# 2. A virtual environment in .venv (Python 3.11 or newer) with the package and its dev tools,
#    reinstalled only when pyproject.toml changed since the last install.
#
# Environment: VENV (default .venv), PYTHON (interpreter to create the venv with).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV="${VENV:-.venv}"
STAMP="$VENV/.bootstrap-stamp"
SYSTEM_PACKAGES=(
    libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
    fonts-dejavu-core poppler-utils
)
# Optional: the second readers of our deliverables (LibreOffice for workbooks and decks), the
# browser for the room page tests, and fonts beyond Latin. Installed in CI (CI=true, as root);
# tests that need them skip with a reason when they are absent on a developer's machine.
CHECK_PACKAGES=(
    libreoffice-calc-nogui libreoffice-impress-nogui chromium chromium-driver fonts-noto-cjk fonts-symbola
)

say() { printf 'bootstrap: %s\n' "$*" >&2; }

install_system_packages() {
    [ "$(uname -s)" = "Linux" ] || return 0
    command -v dpkg >/dev/null 2>&1 || {
        say "not a Debian-like system; make sure Qt's runtime libraries (GL, EGL, xkbcommon, fontconfig, dbus) and a font are installed"
        return 0
    }
    local missing=() pkg wanted=("${SYSTEM_PACKAGES[@]}")
    if [ "${CI:-}" = "true" ] || [ "${READINESS_CHECK_TOOLS:-}" = "1" ]; then
        wanted+=("${CHECK_PACKAGES[@]}")
    fi
    for pkg in "${wanted[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
            say "could not install: ${missing[*]} (install them by hand; Qt tests need them)"
        fi
    else
        say "missing system packages: ${missing[*]}"
        say "install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    fi
}

find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    # a usable venv: Python 3.11+ whose pip still works (an interrupted install can break pip)
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
        && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    local python
    python="$(find_python)" || {
        say "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"
        exit 1
    }
    say "creating $VENV with $python"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
}

ensure_packages() {
    local wanted
    wanted="$(cksum <pyproject.toml)"
    if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ] && "$VENV/bin/python" -c 'import readiness_app' >/dev/null 2>&1; then
        return 0
    fi
    say "installing the package and its dev tools into $VENV"
    "$VENV/bin/python" -m pip install -qq --disable-pip-version-check -e '.[dev]'
    printf '%s\n' "$wanted" >"$STAMP"
}

main() {
    install_system_packages
    ensure_venv
    ensure_packages
}

# Run when executed; only define the functions when sourced (for checking them by hand).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    main "$@"
fi
