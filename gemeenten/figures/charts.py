"""Bar charts drawn on the server as inline SVG, so that the browser and WeasyPrint's PDF show the same picture.

The SVG styles itself with presentation attributes only (no style attribute, <style> or script): it needs nothing
from the page and keeps to a strict Content-Security-Policy. A chart is an image with a text alternative; the data
table beside it holds every figure.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import wraps
from decimal import Decimal
from math import ceil

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten.figures.values import format_value

WIDTH = 560
PLOT_HEIGHT = 240
FONT_SIZE = 14
VALUE_FONT_SIZE = 13
MAX_BAR_WIDTH = 48
# The page's font first, then the PDF's; the width estimate assumes DejaVu Sans, the widest of them.
FONT_FAMILY = "Noto Sans Variable, Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
INK = "#1A1A1A"
MUTED = "#4A4A4A"
GRID = "#D9D9D9"
TEAM = "#154273"
COMPARISON = "#A90061"
# Like the two above, at least 4.5:1 against white, so that value labels can take their series' colour.
OTHERS = ("#275937", "#A04A00")
MISSING = "–"
CHART_KEPT_FOR = 60 * 60 * 24
UNITS = ("percent", "number", "per_1000")
CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: Decimal | None  # None: secret or missing, drawn as a gap
    provisional: bool = False
    new: bool = False  # arrived since the team last discussed the figures


@dataclass(frozen=True)
class ChartSeries:
    label: str
    points: list[ChartPoint]
    comparison: bool = False  # the national (or other comparison) series


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: "_Box", gap: float = 1.5) -> bool:
        return (self.x < other.x + other.width + gap and other.x < self.x + self.width + gap
                and self.y < other.y + other.height + gap and other.y < self.y + self.height + gap)

    def attrs(self) -> dict:
        return {"x": _n(self.x), "y": _n(self.y), "width": _n(self.width), "height": _n(self.height)}


@dataclass(frozen=True)
class _Label:
    text: str
    colour: str
    x: float  # centre of the bar
    top: float  # top of the bar
    year_index: int

    def box(self, rotated: bool) -> _Box:
        length = _text_width(self.text, VALUE_FONT_SIZE)
        if rotated:
            return _Box(self.x - 0.4 * VALUE_FONT_SIZE, self.top - 4 - length, 0.8 * VALUE_FONT_SIZE, length)
        return _Box(self.x - length / 2, self.top - 4 - 0.8 * VALUE_FONT_SIZE, length, VALUE_FONT_SIZE)

    def attrs(self, rotated: bool, line: float | None) -> dict:
        box = self.box(rotated)
        return {"text": self.text, "colour": self.colour, "y": _n(self.top - 4),
                # Turned a quarter anticlockwise, the glyphs lie left of the baseline point: shift it to centre them.
                "x": _n(self.x + 0.36 * VALUE_FONT_SIZE if rotated else self.x),
                # A white ground where the target line would cross the text.
                "ground": line is not None and box.y - 1 <= line <= box.y + box.height + 1 and box.attrs()}


def _kept(draw):
    """A chart depends on nothing but its arguments and the language, so a drawing is kept under a hash of both."""

    @wraps(draw)
    def kept(**arguments) -> SafeString:
        key = repr((draw.__name__, get_language(), sorted(arguments.items())))
        key = f"chart:{hashlib.sha256(key.encode()).hexdigest()}"
        svg = cache.get(key)
        if svg is None:
            svg = str(draw(**arguments))
            cache.set(key, svg, CHART_KEPT_FOR)
        # Drawn by our own templates, which escape every label.
        return mark_safe(svg)  # nosec B308 B703

    return kept


@_kept
def trend_chart(*, chart_id: str, title: str, series: list[ChartSeries], unit: str, decimals: int,
                target: Decimal | None = None, target_label: str = "") -> SafeString:
    """Grouped vertical bars: one group per year, one bar per series, and the target as a dashed line."""
    _check(chart_id, unit)
    years = sorted({point.year for line in series for point in line.points})
    colours = _series_colours(series)
    values = [point.value for line in series for point in line.points if point.value is not None]
    ticks = _axis_ticks(max([*values, *([target] if target is not None else [])], default=Decimal(0)))
    tick_decimals = max(0, -min(tick.normalize().as_tuple().exponent for tick in ticks[1:]))
    tick_labels = [format_value(tick, unit, tick_decimals) for tick in ticks]

    def y_of(value: Decimal) -> float:  # from the top of the plot, which sits below the legend
        return PLOT_HEIGHT * (1 - float(max(value, Decimal(0)) / ticks[-1]))

    left = max(_text_width(label, FONT_SIZE) for label in tick_labels) + 10
    right = WIDTH - 8
    group = (right - left) / max(len(years), 1)
    gap = 2 if len(series) > 1 else 0
    pitch = min(group * 0.82 / max(len(series), 1), MAX_BAR_WIDTH + gap)
    bars, labels, gaps, markers = [], [], [], []
    for i, year in enumerate(years):
        start = left + group * (i + 0.5) - pitch * len(series) / 2
        for j, line in enumerate(series):
            centre = start + pitch * (j + 0.5)
            point = next((point for point in line.points if point.year == year), None)
            if point is None or point.value is None:
                gaps.append(centre)
                continue
            top = y_of(point.value)
            bars.append((_Box(centre - (pitch - gap) / 2, top, pitch - gap, PLOT_HEIGHT - top), colours[j],
                         point.provisional and f"{chart_id}-hatch-{j}"))
            text = format_value(point.value, unit, decimals) + ("*" if point.provisional else "")
            labels.append(_Label(text, colours[j], centre, top, i))
            if point.new:
                markers.append((centre, colours[j]))
    labels, rotated = _place_labels(labels, [box for box, _colour, _pattern in bars], len(years))
    target_line = None
    if target is not None:
        obstacles = [label.box(rotated) for label in labels] + [box for box, _colour, _pattern in bars]
        target_line = _target(_target_text(target, target_label, unit, decimals), y_of(target), left, right, obstacles)

    provisional = [j for j, line in enumerate(series) if any(point.provisional for point in line.points)]
    unplaced_target = target_line["text"] if target_line and target_line["box"] is None else ""
    legend = _legend(series, colours, unit, decimals, show_latest=not labels, provisional=bool(provisional),
                     new=bool(markers), missing=bool(gaps), target=unplaced_target)
    # Room above the plot for the labels of the highest bars and a target label there.
    overhang = min([-FONT_SIZE, *(label.box(rotated).y for label in labels),
                    *([target_line["box"].y] if target_line and target_line["box"] else [])])
    plot_top = (legend[-1]["y"] + 28 if legend else 0) - overhang + 4
    year_step = ceil((_text_width("0000", FONT_SIZE) + 8) / group)
    context = {
        "legend": legend, "plot_top": _n(plot_top), "left": _n(left), "right": _n(right), "tick_x": _n(left - 6),
        "baseline": _n(PLOT_HEIGHT), "gap_y": _n(PLOT_HEIGHT - 4), "marker_y": _n(PLOT_HEIGHT + 8),
        "year_y": _n(PLOT_HEIGHT + 30), "rotated": rotated,
        "ticks": [{"y": _n(y_of(tick)), "label_y": _n(y_of(tick) + 5), "label": label, "zero": not tick}
                  for tick, label in zip(ticks, tick_labels)],
        "bars": [{**box.attrs(), "colour": colour, "pattern": pattern} for box, colour, pattern in bars],
        "labels": [label.attrs(rotated, target_line and target_line["y"]) for label in labels],
        "gaps": [_n(x) for x in gaps],
        "markers": [{"x": _n(x), "colour": colour} for x, colour in markers],
        "years": [{"x": _n(left + group * (i + 0.5)), "label": str(year)}
                  for i, year in enumerate(years) if (len(years) - 1 - i) % year_step == 0],
        "target": target_line and {**target_line, "y": _n(target_line["y"]),
                                   "box": target_line["box"] and target_line["box"].attrs()},
        "patterns": [{"id": f"{chart_id}-hatch-{j}", "colour": colours[j]} for j in provisional]
                    + ([{"id": f"{chart_id}-hatch", "colour": MUTED}] if provisional else []),
    }
    desc = _trend_summary(series, unit, decimals, target, target_label)
    return _render("trend", chart_id, title, desc, plot_top + PLOT_HEIGHT + 38, context)


@_kept
def bars_chart(*, chart_id: str, title: str, bars: list[tuple[str, Decimal | None]], unit: str,
               decimals: int) -> SafeString:
    """Horizontal bars, one per area (e.g. district), labelled on the left, the value to the right of the bar."""
    _check(chart_id, unit)
    texts = [MISSING if value is None else format_value(value, unit, decimals) for _label, value in bars]
    label_width = min(max((_text_width(label, FONT_SIZE) for label, _value in bars), default=0), WIDTH * 0.4)
    start = label_width + 10
    room = WIDTH - start - 8 - max((_text_width(text, FONT_SIZE) for text in texts), default=0)
    top = max((value for _label, value in bars if value is not None), default=Decimal(0))
    rows, y = [], 0
    for (label, value), text in zip(bars, texts):
        lines = _wrap(label, label_width, FONT_SIZE)
        height = 12 + 18 * len(lines)
        middle = y + height / 2
        length = room * float(max(value, Decimal(0)) / top) if value is not None and top > 0 else 0
        rows.append({
            "lines": [{"text": line, "y": _n(middle + 5 + 18 * (k - (len(lines) - 1) / 2))}
                      for k, line in enumerate(lines)],
            "bar": value is not None and {"y": _n(middle - 9), "width": _n(length)},
            "value": text, "value_x": _n(start + length + 6), "value_y": _n(middle + 5),
        })
        y += height
    context = {"rows": rows, "label_x": _n(label_width), "start": _n(start), "bottom": _n(y)}
    return _render("bars", chart_id, title, _bars_summary(bars, unit, decimals), y + 4, context)


def _check(chart_id: str, unit: str) -> None:
    # The id is split on spaces in aria-labelledby and prefixes every id inside the chart.
    if not CHART_ID.match(chart_id):
        raise ValueError(f"chart_id must be a plain identifier, got {chart_id!r}")
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")


def _render(kind: str, chart_id: str, title: str, desc: str, height: float, context: dict) -> SafeString:
    return render_to_string(f"gemeenten/charts/{kind}.svg", {
        **context, "id": chart_id, "title": title, "desc": desc, "width": WIDTH, "height": _n(height),
        "font_family": FONT_FAMILY, "font_size": FONT_SIZE, "value_font_size": VALUE_FONT_SIZE,
        "ink": INK, "muted": MUTED, "grid": GRID, "team": TEAM, "missing": MISSING,
    })


def _n(number: float) -> str:
    """A coordinate as SVG wants it: a dot for decimals whatever the language (templates would localise floats)."""
    text = f"{number:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text_width(text: str, size: float) -> float:
    """An upper estimate of the rendered width, from DejaVu Sans's advance widths."""
    wide = {"%": 0.95, "‰": 1.35, "…": 1.0, "m": 0.98, "w": 0.82, "M": 0.87, "W": 0.99}
    return size * sum(wide.get(c, 0.32 if c in " .,:;!'|ijlft" else 0.72 if c.isupper() else 0.64) for c in text)


def _axis_ticks(top: Decimal) -> list[Decimal]:
    """0 up to at least top in two to four equal steps of 1, 2, 2.5 or 5 times a power of ten."""
    top = top if top > 0 else Decimal(1)
    power = Decimal(1).scaleb(top.adjusted() - 1)
    while True:
        for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
            # Steps of 2.5 only where they are whole numbers: tick labels such as "7,5" would suggest decimals.
            if factor == Decimal("2.5") and power < 10:
                continue
            count = ceil(top / (factor * power))
            if count <= 4:
                return [factor * power * i for i in range(max(count, 2) + 1)]
        power *= 10


def _series_colours(series: list[ChartSeries]) -> list[str]:
    """The team's series in dark blue, the comparison in magenta, others in further colours."""
    colours, others, seen = [], iter(OTHERS * len(series)), set()
    for line in series:
        first = COMPARISON if line.comparison else TEAM
        colours.append(first if first not in seen else next(others))
        seen.add(first)
    return colours


def _place_labels(labels: list[_Label], bars: list[_Box], years: int) -> tuple[list[_Label], bool]:
    """The value labels to show without overlap: every year if possible, else fewer counting back from the latest.

    Upright labels are preferred, on every year or every other year; turned labels come next. Returns no labels
    when not even the latest year's fit; the legend then gives the latest values.
    """
    options = [(1, False), (2, False), (1, True), *((step, False) for step in range(3, years + 1))]
    for step, rotated in options:
        chosen = [label for label in labels if (years - 1 - label.year_index) % step == 0]
        boxes = [label.box(rotated) for label in chosen]
        if all(0 <= box.x and box.x + box.width <= WIDTH for box in boxes) and not any(
            box.overlaps(other) for k, box in enumerate(boxes) for other in boxes[k + 1:]
        ) and not any(box.overlaps(bar, gap=0) for box in boxes for bar in bars):
            return chosen, rotated
    return [], False


def _target(text: str, y: float, left: float, right: float, obstacles: list[_Box]) -> dict:
    """The target line, labelled where the label hides no bar or value; else "box" is None and the legend names it."""
    width = _text_width(text, FONT_SIZE)
    for x, baseline in ((right - width - 2, y - 6), (left + 4, y - 6), (right - width - 2, y + 18), (left + 4, y + 18)):
        box = _Box(x - 2, baseline - FONT_SIZE, width + 4, FONT_SIZE + 4)
        inside = x >= left and box.y + box.height <= PLOT_HEIGHT
        if inside and not any(box.overlaps(other, gap=0) for other in obstacles):
            return {"y": y, "text": text, "text_x": _n(x), "text_y": _n(baseline), "box": box}
    return {"y": y, "text": text, "box": None}


def _legend(series, colours, unit, decimals, *, show_latest, provisional, new, missing, target) -> list[dict]:
    """Swatch and text per series (with its latest value when the bars carry none), then notes on the marks."""
    items = []
    if len(series) > 1 or show_latest:
        for line, colour in zip(series, colours):
            latest = _latest(line)
            text = line.label if not show_latest or latest is None else _("%(series)s (%(year)s: %(value)s)") % {
                "series": line.label, "year": latest.year,
                "value": format_value(latest.value, unit, decimals) + ("*" if latest.provisional else "")}
            items.append({"kind": "bar", "colour": colour, "text": _shorten(text, WIDTH - 18, FONT_SIZE)})
    if target:
        items.append({"kind": "target", "colour": INK, "text": _shorten(target, WIDTH - 18, FONT_SIZE)})
    if provisional:
        items.append({"kind": "hatch", "colour": MUTED, "text": _("* provisional")})
    if new:
        items.append({"kind": "dot", "colour": MUTED, "text": _("new since the last discussion")})
    if missing:
        items.append({"kind": "missing", "colour": MUTED, "text": _("no figure (secret or missing)")})
    x, y = 0.0, 0.0
    for item in items:
        width = 18 + _text_width(item["text"], FONT_SIZE)
        if x and x + width > WIDTH:
            x, y = 0.0, y + 22
        item.update(x=x, y=y)
        x += width + 18
    return [{**item, "x": _n(item["x"]), "y": item["y"], "swatch_y": _n(item["y"] + 3), "text_x": _n(item["x"] + 18),
             "text_y": _n(item["y"] + 14), "dot_x": _n(item["x"] + 6), "dot_y": _n(item["y"] + 9),
             "line_end": _n(item["x"] + 12)} for item in items]


def _target_text(target: Decimal, label: str, unit: str, decimals: int) -> str:
    return _("%(label)s: %(value)s") % {"label": label or _("Target"), "value": format_value(target, unit, decimals)}


def _latest(line: ChartSeries) -> ChartPoint | None:
    return max((point for point in line.points if point.value is not None), key=lambda point: point.year, default=None)


def _trend_summary(series, unit, decimals, target, target_label) -> str:
    parts = []
    for line in series:
        latest = _latest(line)
        if latest is None:
            parts.append(_("%(series)s: no figures") % {"series": line.label})
            continue
        value = format_value(latest.value, unit, decimals)
        if latest.provisional:
            value = _("%(value)s (provisional)") % {"value": value}
        parts.append(_("%(series)s: %(year)s %(value)s") % {"series": line.label, "year": latest.year, "value": value})
    sentences = ["; ".join(parts) + "." if parts else _("No figures.")]
    if target is not None:
        sentences.append(_target_text(target, target_label, unit, decimals) + ".")
    new = [f"{line.label} {point.year}" for line in series for point in line.points
           if point.new and point.value is not None]
    if new:
        sentences.append(_("New since the last discussion: %(points)s.") % {"points": ", ".join(new)})
    return " ".join(sentences)


def _bars_summary(bars, unit, decimals) -> str:
    known = [(label, value) for label, value in bars if value is not None]
    sentences = []
    if len(known) == 1:
        label, value = known[0]
        text = _("%(label)s: %(value)s") % {"label": label, "value": format_value(value, unit, decimals)}
        sentences.append(text + ".")
    elif known:
        high, low = max(known, key=lambda bar: bar[1]), min(known, key=lambda bar: bar[1])
        sentences.append(_("Highest %(high_value)s in %(high)s; lowest %(low_value)s in %(low)s.") % {
            "high": high[0], "high_value": format_value(high[1], unit, decimals),
            "low": low[0], "low_value": format_value(low[1], unit, decimals)})
    if missing := len(bars) - len(known):
        sentences.append(ngettext("%(count)s area without a figure.", "%(count)s areas without a figure.", missing)
                         % {"count": missing})
    return " ".join(sentences) or _("No figures.")


def _wrap(text: str, width: float, size: float, lines: int = 2) -> list[str]:
    """Words over at most two lines of the given width; what still does not fit ends in an ellipsis."""
    words, result = text.split(), []
    while words and len(result) < lines:
        line = words.pop(0)
        while words and _text_width(f"{line} {words[0]}", size) <= width:
            line = f"{line} {words.pop(0)}"
        result.append(line)
    if words:
        result[-1] = f"{result[-1]} {' '.join(words)}"
    return [_shorten(line, width, size) for line in result] or [""]


def _shorten(text: str, width: float, size: float) -> str:
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
