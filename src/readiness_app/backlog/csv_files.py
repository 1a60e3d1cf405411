"""The roadmap as CSV files for Jira's and Azure DevOps' own CSV importers.

**Jira** (Jira Cloud and Data Center, *Import issues from CSV*): the header row names the
fields and must hold ``Summary``; repeating the ``Labels`` column gives an issue several
labels (a label has no spaces). Columns: :data:`JIRA_COLUMNS`. Dates are ``yyyy-MM-dd`` (give
that pattern as the date format in the import wizard); priorities are Jira's default names.

**Azure DevOps** (Boards > Queries > *Import work items*): the file must hold ``Work Item
Type`` and ``Title``; ``Tags`` are separated by semicolons; ``Iteration Path`` starts with the
project (the client's name here: rename it in the import grid, or create the three phase
iterations under a project of that name); ``Priority`` is 1 (highest) to 4; ``Description`` is
HTML. Columns: :data:`AZURE_COLUMNS`. Work items are of type ``Task`` (every process has it).

Both files are UTF-8 without a byte-order mark, comma-separated, every field quoted (so commas,
quotes and line breaks inside a text stay in their cell), and every text that a spreadsheet
would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
starts with an apostrophe instead. Files are written beside the target and swapped in.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from readiness_app.backlog.items import WorkItem, text, work_items
from readiness_app.errors import ExportError
from readiness_app.messages import msg

JIRA_COLUMNS: tuple[str, ...] = ("Summary", "Issue Type", "Description", "Priority", "Due date",
                                 "Labels", "Labels", "Labels")
AZURE_COLUMNS: tuple[str, ...] = ("Work Item Type", "Title", "Description", "Assigned To", "Tags",
                                  "Iteration Path", "Priority", "Due Date")
JIRA_PRIORITY = {1: "Highest", 2: "High", 3: "Medium", 4: "Low"}
JIRA_ISSUE_TYPE = "Task"
AZURE_WORK_ITEM_TYPE = "Task"

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_ITERATION_FORBIDDEN = re.compile(r'[\\/$?*:"&><#%|+\x00-\x1f]')


def safe_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet evaluates: a leading formula character gets an apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def label(value: str) -> str:
    """A Jira label: lower case, no spaces (Jira splits labels at spaces)."""
    return re.sub(r"[\s,]+", "-", value.strip().lower()).strip("-")


def iteration_name(value: str) -> str:
    """A name Azure DevOps accepts as an iteration (no \\ / $ ? * : " & > < # % | +), not starting
    like a formula."""
    cleaned = _ITERATION_FORBIDDEN.sub(" ", value)
    cleaned = re.sub(r"\s+", " ", cleaned).strip().lstrip("=+-@＝＋－＠ ").rstrip(".")  # no formula start either
    return cleaned or "Roadmap"


def jira_description(item: WorkItem, lang: str) -> str:
    parts: list[str] = []
    for heading, lines in item.description_lines(lang):
        if len(lines) == 1 and heading != text("evidence", lang):
            parts.append(f"*{heading}:* {lines[0]}")
        else:
            parts.append(f"*{heading}:*\n" + "\n".join(f"* {line}" for line in lines))
    parts.append(item.source)
    return "\n\n".join(parts)


def azure_description(item: WorkItem, lang: str) -> str:
    parts: list[str] = []
    for heading, lines in item.description_lines(lang):
        head = f"<b>{html.escape(heading)}:</b>"
        if len(lines) == 1 and heading != text("evidence", lang):
            parts.append(f"<p>{head} {html.escape(lines[0])}</p>")
        else:
            items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            parts.append(f"<p>{head}</p><ul>{items}</ul>")
    parts.append(f"<p><i>{html.escape(item.source)}</i></p>")
    return "".join(parts)


def jira_rows(items: Sequence[WorkItem], lang: str) -> list[list[str]]:
    rows = [list(JIRA_COLUMNS)]
    base = text("label", lang)
    for item in items:
        rows.append([item.title, JIRA_ISSUE_TYPE, jira_description(item, lang), JIRA_PRIORITY[item.priority],
                     item.due.isoformat() if item.due else "", base, label(item.phase_label),
                     label(item.owner_role)])
    return rows


def azure_rows(items: Sequence[WorkItem], lang: str, project: str) -> list[list[str]]:
    rows = [list(AZURE_COLUMNS)]
    root = iteration_name(project)
    for item in items:
        tags = "; ".join((text("label", lang), item.phase_label, item.owner_role))
        rows.append([AZURE_WORK_ITEM_TYPE, item.title, azure_description(item, lang), item.owner, tags,
                     f"{root}\\{iteration_name(item.phase_label)}", str(item.priority),
                     item.due.isoformat() if item.due else ""])
    return rows


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """RFC 4180 CSV: every field quoted, CRLF line ends, formula starts neutralised (not in the header)."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for i, row in enumerate(rows):
        writer.writerow(row if i == 0 else [safe_cell(cell) for cell in row])
    return buf.getvalue()


def _write_atomic(path: Path, content: str) -> None:
    if not path.parent.is_dir():
        raise ExportError(msg("the folder does not exist"), path=str(path.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _load(assessment_file: Path | str, lang: str | None) -> tuple[list[WorkItem], str, str]:
    from readiness_app.report.data import load_report_data

    if lang not in (None, "en", "de"):
        raise ExportError(msg("unknown report language {lang}; use en or de", lang=repr(lang)))
    data = load_report_data(Path(assessment_file))
    language = lang or (data.engagement.language if data.engagement.language in ("en", "de") else "en")
    project = data.engagement.client.strip() or text("client_unnamed", language)
    return work_items(data, language), language, project


def write_jira_csv(assessment_file: Path | str, out_path: Path | str, *, lang: str | None = None) -> int:
    """Write the roadmap of ``assessment_file`` as a Jira import CSV; returns the number of work items."""
    items, language, _project = _load(assessment_file, lang)
    _write_atomic(Path(out_path), csv_text(jira_rows(items, language)))
    return len(items)


def write_azure_devops_csv(assessment_file: Path | str, out_path: Path | str, *, lang: str | None = None) -> int:
    """Write the roadmap of ``assessment_file`` as an Azure DevOps import CSV; returns the number of work items."""
    items, language, project = _load(assessment_file, lang)
    _write_atomic(Path(out_path), csv_text(azure_rows(items, language, project)))
    return len(items)
