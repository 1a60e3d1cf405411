"""The 90-day roadmap as backlog work items for the client's Jira or Azure DevOps.

:mod:`.items` turns the scored roadmap into one :class:`~.items.WorkItem` per action (title,
why and evidence, owner, phase, due date from the workshop date, priority) in the
assessment's language; :mod:`.csv_files` writes them in the CSV layouts that Jira's and
Azure DevOps' own importers read, every free text escaped for CSV and spreadsheet formulas.
"""

from __future__ import annotations
