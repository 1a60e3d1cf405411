"""The deck's native PowerPoint charts: the consultant edits their data in PowerPoint.

Colours are the theme's (accent 1, accent 2), fonts the theme's, so a chart on the firm's
template looks like the firm's own charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from readiness_app.deck.master import Box


@dataclass(frozen=True, slots=True)
class Bubble:
    rank: int
    name: str
    readiness: float  # x, 0..100
    impact: float  # y, 0..100
    control: float  # bubble size, 0..100


def _axis(axis: Any, title: str, size: Any, *, minimum: float, maximum: float, unit: float,
          number_format: str = "0") -> None:
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    axis.minimum_scale = minimum
    axis.maximum_scale = maximum
    axis.major_unit = unit
    axis.has_major_gridlines = False
    axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    axis.tick_labels.font.size = size
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False
    if title:
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = size
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False


def bubble_chart(slide: Any, box: Box, bubbles: Sequence[Bubble], *, series_name: str, x_title: str,
                 y_title: str) -> Any:
    """Impact against readiness, bubble size = control complexity, the rank as each bubble's label;
    the axes cross at 50 so the four quadrants of the report show."""
    from pptx.chart.data import BubbleChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Pt

    data = BubbleChartData()
    series = data.add_series(series_name)
    for b in bubbles:
        series.add_data_point(round(b.readiness, 1), round(b.impact, 1), round(max(b.control, 1.0), 1))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BUBBLE, box.left, box.top, box.width, box.height, data)
    frame.name = "Priority matrix"
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = False
    chart.font.size = Pt(12)
    plot = chart.plots[0]
    plot.bubble_scale = 45 if len(bubbles) <= 10 else 30 if len(bubbles) <= 20 else 20  # many: smaller, less overlap
    x_axis, y_axis = chart.category_axis, chart.value_axis
    _axis(x_axis, x_title, Pt(12), minimum=0, maximum=100, unit=25)
    _axis(y_axis, y_title, Pt(12), minimum=0, maximum=100, unit=25)
    x_axis.crosses_at = 50  # the readiness axis crosses impact 50 (and the other way round)
    y_axis.crosses_at = 50
    s = plot.series[0]
    s.format.fill.solid()
    from pptx.enum.dml import MSO_THEME_COLOR

    s.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    s.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    for i, b in enumerate(bubbles):
        label = s.points[i].data_label
        label.position = XL_LABEL_POSITION.CENTER
        tf = label.text_frame
        tf.text = str(b.rank)
        run = tf.paragraphs[0].runs[0]
        run.font.size = Pt(11)
        run.font.bold = True
        run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    return frame


def maturity_bars(slide: Any, box: Box, names: Sequence[str], current: Sequence[float | None],
                  target: Sequence[int], *, current_name: str, target_name: str) -> Any:
    """Clustered bars per dimension: today's score (1-4) and the target level."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.util import Pt

    data = CategoryChartData(number_format="0.0")
    data.categories = list(names)
    data.add_series(current_name, [None if v is None else round(v, 2) for v in current], number_format="0.0")
    data.add_series(target_name, [float(v) for v in target], number_format="0")
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width, box.height, data)
    frame.name = "Maturity per dimension"
    chart = frame.chart
    size = Pt(12) if len(names) <= 8 else Pt(11) if len(names) <= 12 else Pt(9)
    chart.font.size = size
    chart.has_title = False
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.legend.font.size = size
    values = chart.value_axis
    values.minimum_scale, values.maximum_scale, values.major_unit = 1.0, 4.0, 1.0
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
    values.tick_labels.font.size = size
    values.tick_labels.number_format = "0"
    values.tick_labels.number_format_is_linked = False
    categories = chart.category_axis
    categories.reverse_order = True  # the first dimension on top, as in the report
    categories.tick_labels.font.size = size
    categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = 0
    for series, colour in zip(plot.series, (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2), strict=False):
        series.format.fill.solid()
        series.format.fill.fore_color.theme_color = colour
    current_series = plot.series[0]
    current_series.data_labels.show_value = True
    current_series.data_labels.number_format = "0.0"
    current_series.data_labels.number_format_is_linked = False
    current_series.data_labels.font.size = size
    return frame
