"""The step-3 charts: well-formed, accessible SVG that escapes user text, follows the language and prints in the PDF."""

import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation
from pypdf import PdfReader

from gemeenten.figures.charts import ChartPoint, ChartSeries, bars_chart, trend_chart
from portal.pdf import html_to_pdf

SVG = "{http://www.w3.org/2000/svg}"


def series(label, first_year, values, *, comparison=False, provisional=(), new=()):
    points = [
        ChartPoint(year, None if value is None else Decimal(str(value)), year in provisional, year in new)
        for year, value in enumerate(values, start=first_year)
    ]
    return ChartSeries(label, points, comparison=comparison)


def trend(*lines, chart_id="poverty", unit="percent", decimals=1, **kwargs):
    return trend_chart(chart_id=chart_id, title="Children in low-income households", series=list(lines), unit=unit,
                       decimals=decimals, **kwargs)


def part(root, name):
    """The <g> holding one part of a chart, e.g. its bars, found by its prefixed id."""
    chart_id = root.get("aria-labelledby").split()[0].removesuffix("-title")
    return root.find(f".//{SVG}g[@id='{chart_id}-{name}']")


def texts(element):
    return [] if element is None else ["".join(text.itertext()) for text in element.iter(f"{SVG}text")]


VELSEN = series("Velsen", 2022, [7.5, 8.1, 8.9])
NEDERLAND = series("Nederland", 2022, [6.9, 7.0, 7.1], comparison=True)


def test_trend_chart_is_a_labelled_image():
    with translation.override("en"):
        root = ET.fromstring(trend(VELSEN, NEDERLAND))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "poverty-title poverty-desc"
    assert root.find(f"{SVG}title").get("id") == "poverty-title"
    assert root.find(f"{SVG}title").text == "Children in low-income households"
    assert root.find(f"{SVG}desc").get("id") == "poverty-desc"
    assert root.find(f"{SVG}desc").text == "Velsen: 2024 8.9%; Nederland: 2024 7.1%."
    # Scales with its container: no fixed size, only the proportions.
    assert root.get("width") == "100%" and root.get("height") is None
    assert re.fullmatch(r"0 0 560 \d+(\.\d)?", root.get("viewBox"))
    assert texts(part(root, "legend")) == ["Velsen", "Nederland"]
    assert texts(part(root, "years")) == ["2022", "2023", "2024"]


def test_team_and_comparison_series_take_their_own_colours():
    root = ET.fromstring(trend(VELSEN, NEDERLAND))
    fills = [bar.get("fill") for bar in part(root, "bars")]
    assert fills == ["#154273", "#A90061"] * 3


def test_every_id_is_prefixed_and_two_charts_do_not_clash():
    first = ET.fromstring(trend(VELSEN, NEDERLAND, chart_id="poverty", target=Decimal(6)))
    second = ET.fromstring(trend(series("Velsen", 2024, [9], provisional={2024}), chart_id="benefits"))
    ids = [element.get("id") for root in (first, second) for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    assert all(re.match(r"(poverty|benefits)-", identifier) for identifier in ids)


def test_one_bar_per_figure_and_a_dash_where_a_figure_is_secret():
    with translation.override("en"):
        root = ET.fromstring(trend(series("Velsen", 2022, [7.5, None, 8.9]), NEDERLAND))
    assert len(part(root, "bars")) == 5
    assert texts(part(root, "gaps")) == ["–"]
    assert "no figure (secret or missing)" in texts(part(root, "legend"))
    # The dash stands in the 2023 group.
    gap = float(part(root, "gaps").find(f"{SVG}text").get("x"))
    years = {text.text: float(text.get("x")) for text in part(root, "years")}
    assert years["2022"] < gap < years["2023"]
    assert sorted(texts(part(root, "values"))) == sorted(["7.5%", "8.9%", "6.9%", "7.0%", "7.1%"])


def test_a_year_a_series_lacks_is_a_gap_too():
    root = ET.fromstring(trend(series("Velsen", 2023, [8.1, 8.9]), NEDERLAND))
    assert len(part(root, "bars")) == 5
    assert texts(part(root, "gaps")) == ["–"]


def test_provisional_figures_are_hatched_starred_and_explained():
    with translation.override("en"):
        root = ET.fromstring(trend(series("Velsen", 2022, [7.5, 8.1, 8.9], provisional={2024}), NEDERLAND))
    hatched = [bar for bar in part(root, "bars") if bar.get("fill").startswith("url(")]
    assert len(hatched) == 1
    pattern = hatched[0].get("fill").removeprefix("url(#").removesuffix(")")
    assert root.find(f".//{SVG}pattern[@id='{pattern}']") is not None
    assert "8.9%*" in texts(part(root, "values"))
    assert "* provisional" in texts(part(root, "legend"))
    assert root.find(f"{SVG}desc").text.startswith("Velsen: 2024 8.9% (provisional);")


def test_new_figures_are_marked_and_mentioned():
    with translation.override("en"):
        root = ET.fromstring(trend(series("Velsen", 2022, [7.5, 8.1, 8.9], new={2024}), NEDERLAND))
    assert len(part(root, "new").findall(f"{SVG}circle")) == 1
    assert "new since the last discussion" in texts(part(root, "legend"))
    assert root.find(f"{SVG}desc").text.endswith("New since the last discussion: Velsen 2024.")


def test_the_axis_reaches_a_target_above_the_figures():
    with translation.override("en"):
        root = ET.fromstring(trend(VELSEN, NEDERLAND, target=Decimal(12), target_label="Target 2026"))
    assert texts(part(root, "axis")) == ["0%", "5%", "10%", "15%"]
    line = part(root, "target").find(f"{SVG}line")
    assert line.get("stroke-dasharray")
    top_tick = min(float(grid.get("y1")) for grid in part(root, "axis").iter(f"{SVG}line"))
    assert top_tick <= float(line.get("y1"))
    assert texts(part(root, "target")) == ["Target 2026: 12.0%"]
    assert root.find(f"{SVG}desc").text.endswith("Target 2026: 12.0%.")


def test_a_target_among_the_bars_is_named_in_the_legend_instead():
    with translation.override("en"):
        root = ET.fromstring(trend(VELSEN, NEDERLAND, target=Decimal(6)))
    assert part(root, "target").find(f"{SVG}line") is not None
    assert texts(part(root, "target")) == []
    assert "Target: 6.0%" in texts(part(root, "legend"))


def test_value_labels_the_target_line_crosses_get_a_white_ground():
    root = ET.fromstring(trend(VELSEN, NEDERLAND, target=Decimal("7.3")))
    grounds = part(root, "values").findall(f"{SVG}rect")
    assert grounds and all(ground.get("fill") == "#FFFFFF" for ground in grounds)
    assert not part(ET.fromstring(trend(VELSEN, NEDERLAND)), "values").findall(f"{SVG}rect")


def test_axis_ticks_are_round_numbers():
    with translation.override("en"):
        root = ET.fromstring(trend(series("Velsen", 2024, [1234]), unit="number", decimals=0))
    assert texts(part(root, "axis")) == ["0", "500", "1,000", "1,500"]


@pytest.mark.parametrize(("language", "percent", "number"), [("nl", "8,9", "1.234"), ("en", "8.9", "1,234")])
def test_numbers_follow_the_active_language(language, percent, number):
    with translation.override(language):
        shares = ET.fromstring(trend(series("Velsen", 2024, [8.9])))
        counts = ET.fromstring(trend(series("Velsen", 2024, [1234]), chart_id="benefits", unit="number", decimals=0))
    assert texts(part(shares, "values"))[0].startswith(percent)
    assert texts(part(counts, "values")) == [number]
    assert texts(part(counts, "years")) == ["2024"]
    # Coordinates keep their decimal point whatever the language.
    coordinates = [element.get(name) for root in (shares, counts) for element in root.iter() if element is not root
                   for name in ("x", "y", "width", "height", "x1", "y1", "cx", "cy") if element.get(name) is not None]
    coordinates += [number for root in (shares, counts) for number in root.get("viewBox").split()]
    assert any("." in coordinate for coordinate in coordinates)
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", coordinate) for coordinate in coordinates)


def test_user_text_is_escaped():
    hostile = "<script>alert(1)</script> & Co"
    svg = trend(series(hostile, 2024, [8.9]), NEDERLAND, target=Decimal(12), target_label=hostile)
    svg += bars_chart(chart_id="districts", title=hostile, bars=[(hostile, Decimal(3))], unit="percent", decimals=1)
    assert "&lt;script&gt;" in svg
    page = ET.fromstring(f"<div>{svg}</div>")
    assert not list(page.iter(f"{SVG}script")) and not list(page.iter("script"))
    poverty, districts = page
    assert hostile in texts(part(poverty, "legend"))
    assert texts(part(poverty, "target"))[0].startswith(f"{hostile}: 12")
    assert districts.find(f"{SVG}title").text == hostile


def test_charts_carry_no_styles_or_scripts():
    velsen = series("Velsen", 2015, [7.5, None, 8.1, 8.3, 8.4, 8.9, 9.2, 9.0, 8.7, 8.2], provisional={2024}, new={2024})
    svg = trend(velsen, series("Nederland", 2015, [6.8] * 10, comparison=True), series("Haarlem", 2015, [9.1] * 10),
                series("Zaanstad", 2015, [7.7] * 10), target=Decimal(6))
    svg += bars_chart(chart_id="districts", title="Districts", bars=[("Noord", Decimal(4)), ("Zuid", None)],
                      unit="per_1000", decimals=1)
    for element in ET.fromstring(f"<div>{svg}</div>").iter():
        assert element.tag.removeprefix(SVG) not in {"style", "script", "foreignObject"}
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)


def test_value_labels_turn_or_give_way_when_bars_are_narrow():
    years = range(10)
    two = ET.fromstring(trend(series("Velsen", 2015, [8 + year / 10 for year in years]),
                              series("Nederland", 2015, [7 - year / 10 for year in years], comparison=True)))
    assert len(texts(part(two, "values"))) == 20
    assert all("rotate(-90" in label.get("transform") for label in part(two, "values"))

    with translation.override("en"):
        four = ET.fromstring(trend(*(series(name, 2015, [1000 + 10 * year for year in years])
                                     for name in ("Velsen", "Beverwijk", "Haarlem", "Zaanstad")),
                                   unit="number", decimals=0))
    assert len(part(four, "bars")) == 40
    assert part(four, "values") is None
    assert "Velsen (2024: 1,090)" in texts(part(four, "legend"))

    one = ET.fromstring(trend(series("Velsen", 2015, [8 + year / 10 for year in years])))
    assert len(texts(part(one, "values"))) in (5, 10)
    assert not any(label.get("transform") for label in part(one, "values"))
    for root in (two, four, one):
        assert all(float(size) >= 11 for element in root.iter() if (size := element.get("font-size")))


def test_a_single_year_keeps_a_slim_bar():
    root = ET.fromstring(trend(series("Velsen", 2024, [8.9])))
    (bar,) = part(root, "bars")
    assert float(bar.get("width")) <= 48
    assert part(root, "legend") is None


def test_year_labels_thin_out_from_the_latest():
    root = ET.fromstring(trend(series("Velsen", 1995, [5] * 30)))
    years = texts(part(root, "years"))
    assert 5 <= len(years) < 30
    assert years[-1] == "2024"


def test_bars_chart_shows_every_area_and_a_dash_for_a_missing_figure():
    bars = [("Noord", Decimal("12.1")), ("Centrum", Decimal("8.0")), ("Zuid", Decimal("4.2")), ("Oost", None)]
    with translation.override("en"):
        root = ET.fromstring(bars_chart(chart_id="districts", title="Districts", bars=bars, unit="percent", decimals=1))
    assert root.get("aria-labelledby") == "districts-title districts-desc"
    assert len(part(root, "bars")) == 3
    assert texts(part(root, "values")) == ["12.1%", "8.0%", "4.2%", "–"]
    assert texts(part(root, "labels")) == ["Noord", "Centrum", "Zuid", "Oost"]
    assert root.find(f"{SVG}desc").text == "Highest 12.1% in Noord; lowest 4.2% in Zuid. 1 area without a figure."
    widths = [float(bar.get("width")) for bar in part(root, "bars")]
    assert widths[0] > widths[1] > widths[2] > 0


def test_bars_chart_grows_with_its_bars_and_shortens_long_names():
    def height(count):
        svg = bars_chart(chart_id="districts", title="Districts", unit="number", decimals=0,
                         bars=[(f"District {k}", Decimal(k)) for k in range(count)])
        return float(ET.fromstring(svg).get("viewBox").split()[3])

    assert height(8) > height(4) > height(1)
    long_name = "Velsen-Zuid, Driehuis en Velserbroek en nog een heel lange naam die niet op twee regels past"
    root = ET.fromstring(bars_chart(chart_id="districts", title="Districts", unit="number", decimals=0,
                                    bars=[(long_name, Decimal(3)), ("Noord", Decimal(4))]))
    lines = texts(part(root, "labels"))
    assert len(lines) == 3 and lines[1].endswith("…") and lines[2] == "Noord"


def test_same_input_gives_the_same_svg():
    def make():
        return trend(series("Velsen", 2020, [7, None, 8, 9, 9.5], provisional={2024}, new={2024}), NEDERLAND,
                     target=Decimal(6))

    assert make() == make()


@pytest.mark.parametrize(("chart_id", "unit"), [("two words", "percent"), ('x"', "percent"), ("1st", "number"),
                                                 ("poverty", "promille")])
def test_bad_ids_and_units_are_refused(chart_id, unit):
    with pytest.raises(ValueError):
        trend(VELSEN, chart_id=chart_id, unit=unit)


def test_weasyprint_draws_the_charts_into_the_pdf():
    with translation.override("nl"):
        charts = trend(series("Velsen", 2019, [7.3, 8.1, 8.9]),
                       series("Nederland", 2019, [6.4, 7.0, 7.1], comparison=True))
        charts += bars_chart(chart_id="districts", title="Wijken", unit="number", decimals=0,
                             bars=[("Noord", Decimal(2345)), ("Centrum", Decimal(1234)), ("Zuid", Decimal(99))])
    html = f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Cijfers</title></head><body>{charts}'
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(html_to_pdf(html))).pages)
    # Value and year labels that the title and description do not hold, so only the drawn SVG can put them there.
    for label in ("7,3", "6,4", "2019", "2020", "Centrum", "1.234"):
        assert label in text
