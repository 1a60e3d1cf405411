"""The import wizard: an Excel assessment made elsewhere, mapped step by step onto ours.

Four pages, each showing what the core (:mod:`readiness_app.excel.importer`,
:mod:`readiness_app.excel.mapping`) reads from the workbook:

1. **Sheet and header row**: every sheet (hidden ones marked), a header-row spin box and a
   live preview of the first rows with the header highlighted.
2. **Columns**: a combo per role (question id, question text, answer, answer as a number,
   note, participant, role, use case), pre-filled from :func:`suggest_profile`.
3. **Values and questions**: each distinct answer label and what it becomes on our scales
   (editable), and each question of the workbook with the question it matches and how sure
   the match is (editable; weak matches highlighted).
4. **Preview**: counts, every problem (sheet, row, column, reason) and every answer with its
   source ("file / sheet / row"); the file to write. Finish writes it off the UI thread.

Nothing is written before Finish; the new file is built beside the target and moved into
place, so a failed or cancelled import leaves no file. The mapping can be saved as a profile
(JSON) and loaded for the next workbook of the same layout (``readiness import --profile``).

The package: :mod:`.model` is plain Python (what the pages show, the background jobs);
:mod:`.widgets` (item models, delegates, the page base), one module per page
(:mod:`.sheet_page`, :mod:`.columns_page`, :mod:`.values_page`, :mod:`.preview_page`) and
:mod:`.wizard` only display it and collect the user's choices. Test seam: build
:class:`ImportWizard` from :func:`load_overview` and drive it; file choosers and questions go
through the dialog service.
"""

from __future__ import annotations

from readiness_app.ui.import_wizard.columns_page import (
    ColumnsPage,
)
from readiness_app.ui.import_wizard.model import (
    COLUMN_ROLES,
    DARK_TEXT,
    ERROR_BG,
    HEADER_BG,
    MAX_ROWS,
    PREVIEW_ROWS,
    SCALES,
    WARN_BG,
    CancelledFn,
    Draft,
    LabelUse,
    LabelView,
    MatchView,
    ProgressFn,
    QuestionUse,
    SheetOverview,
    Survey,
    WorkbookOverview,
    column_ref,
    guessed_columns,
    load_overview,
    make_plan,
    resolve_columns,
    suggested_target,
    survey_sheet,
    write_import,
)
from readiness_app.ui.import_wizard.preview_page import (
    PreviewPage,
)
from readiness_app.ui.import_wizard.sheet_page import (
    SheetPage,
)
from readiness_app.ui.import_wizard.values_page import (
    ValuesPage,
)
from readiness_app.ui.import_wizard.widgets import (
    AUTO,
    EDITABLE_MARK,
    ChoiceDelegate,
    ChoiceModel,
    ChoiceRow,
    PreviewModel,
    RowsModel,
)
from readiness_app.ui.import_wizard.wizard import (
    ImportWizard,
    start_import_wizard,
)

__all__ = [
    'AUTO',
    'COLUMN_ROLES',
    'DARK_TEXT',
    'EDITABLE_MARK',
    'ERROR_BG',
    'HEADER_BG',
    'MAX_ROWS',
    'PREVIEW_ROWS',
    'SCALES',
    'WARN_BG',
    'CancelledFn',
    'ChoiceDelegate',
    'ChoiceModel',
    'ChoiceRow',
    'ColumnsPage',
    'Draft',
    'ImportWizard',
    'LabelUse',
    'LabelView',
    'MatchView',
    'PreviewModel',
    'PreviewPage',
    'ProgressFn',
    'QuestionUse',
    'RowsModel',
    'SheetOverview',
    'SheetPage',
    'Survey',
    'ValuesPage',
    'WorkbookOverview',
    'column_ref',
    'guessed_columns',
    'load_overview',
    'make_plan',
    'resolve_columns',
    'start_import_wizard',
    'suggested_target',
    'survey_sheet',
    'write_import',
]
