"""Step 3's analysis without HTTP: a team's figures, the learning cycle, baselines and targets from the figures,
the team's own figures, the export, what the survey voices give away, and how many queries the page takes."""

import random
import re
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from gemeenten.analysis import ANALYSIS_STEP, plan_analysis, record_review
from gemeenten.cycles import start_next_cycle
from gemeenten.export.docx import render_docx
from gemeenten.export.document import plan_document
from gemeenten.export.pdf import render_pdf
from gemeenten.figures.charts import format_value as chart_value
from gemeenten.figures.forms import LocalValueForm
from gemeenten.figures.series import YEARS_SHOWN, team_figures
from gemeenten.figures.trends import TRENDS_STEP, result_trends, target_number
from gemeenten.figures.values import format_value
from gemeenten.models import FigureReview, Finding, IndicatorValue, PlanChange, Result
from gemeenten.models.figures import NATIONAL, Origin, Scope, Status, Unit
from gemeenten.section_forms import ResultForm
from gemeenten.teams import create_team
from participatie.results import LADDER_BANDS
from portal.models import Municipality
from tests.figures import add_series, add_value, after, before, make_indicator, national, set_loaded_at
from tests.surveys import answer, item_id, make_run
from tests.users import make_user
from tests.workspace import make_team

pytestmark = pytest.mark.django_db

HAARLEM, BEVERWIJK, AMSTERDAM = "GM0392", "GM0375", "GM0363"


def figure_of(figures, indicator):
    found = [figure for figure in figures.all if figure.indicator_pk == indicator.pk]
    assert len(found) <= 1
    return found[0] if found else None


def row_of(figure, label):
    return next(row for row in figure.rows if row.label == label)


def texts(row):
    return [cell.text if cell else None for cell in row.cells]


@pytest.fixture
def haarlem():
    """A coordinator, a team for Haarlem alone and its plan."""
    return make_team("coordinator@haarlem.example", code=HAARLEM, name="Team Haarlem")


@pytest.fixture
def two_towns():
    """A team for Haarlem and Beverwijk together."""
    user = make_user("coordinator@kennemerland.example")
    towns = [Municipality.objects.get(code=HAARLEM), Municipality.objects.get(code=BEVERWIJK)]
    team = create_team(user, "Team Kennemerland", towns, 2027, "Gemeente", "municipality")
    return user, team, team.current_plan()


@pytest.fixture
def other_team():
    """Another team that also works on Haarlem."""
    return make_team("coordinator@anders.example", code=HAARLEM, name="Ander team Haarlem")


# The figures of a team


def test_years_are_sorted_and_only_the_latest_are_shown(haarlem):
    _user, team, _plan = haarlem
    indicator = make_indicator()
    years = list(range(2008, 2008 + YEARS_SHOWN + 3))
    random.Random(7).shuffle(years)
    for year in years:
        add_value(indicator, HAARLEM, year, year - 2000)
    figure = figure_of(team_figures(team), indicator)
    assert figure.years == list(range(2011, 2011 + YEARS_SHOWN))
    haarlem_row = row_of(figure, "Haarlem")
    assert [cell.year for cell in haarlem_row.cells] == figure.years
    assert haarlem_row.cells[-1].value == Decimal(2020 - 2000)


def test_a_row_per_municipality_and_the_national_row_only_for_relative_figures(two_towns):
    _user, team, _plan = two_towns
    share = make_indicator("Aandeel", unit=Unit.PERCENT)
    count = make_indicator("Aantal", unit=Unit.NUMBER)
    for indicator in (share, count):
        add_series(indicator, HAARLEM, {2021: 10, 2022: 11})
        add_series(indicator, BEVERWIJK, {2022: 12})
        national(indicator, {2020: 9, 2021: 9.5, 2022: 9.8})
    figures = team_figures(team)

    share_figure = figure_of(figures, share)
    assert share_figure.years == [2021, 2022], "the national figure alone adds no years"
    assert [row.label for row in share_figure.rows] == ["Beverwijk", "Haarlem", gettext("the Netherlands")]
    assert [row.comparison for row in share_figure.rows] == [False, False, True]
    assert texts(share_figure.rows[0]) == [None, format_value(Decimal(12), Unit.PERCENT, 1)]
    assert [cell.value for cell in share_figure.rows[2].cells] == [Decimal("9.5"), Decimal("9.8")]
    assert share_figure.indicator.comparable

    count_figure = figure_of(figures, count)
    assert [row.label for row in count_figure.rows] == ["Beverwijk", "Haarlem"]
    assert not any(row.region == NATIONAL for row in count_figure.rows)
    assert not count_figure.indicator.comparable


def test_a_number_known_only_for_the_netherlands_is_not_shown_as_an_empty_figure(haarlem):
    _user, team, _plan = haarlem
    count = make_indicator(unit=Unit.NUMBER)
    national(count, {2021: 250000, 2022: 260000})
    local = make_indicator("Landelijk aantal, lokaal nog niet", unit=Unit.NUMBER, scope=Scope.LOCAL)
    national(local, {2022: 1000})
    share = make_indicator(unit=Unit.PERCENT)
    national(share, {2022: 6.5})
    figures = team_figures(team)
    assert figure_of(figures, count) is None, "a figure without a single row says nothing"
    assert figure_of(figures, local) is None and local.name in [indicator.name for indicator in figures.missing_local]
    assert [row.region for row in figure_of(figures, share).rows] == [NATIONAL], "a share can stand beside nothing yet"


def test_the_teams_own_figure_comes_before_the_public_one(haarlem):
    _user, team, _plan = haarlem
    indicator = make_indicator(decimals=1)
    add_series(indicator, HAARLEM, {2020: 10, 2021: 11})
    add_value(indicator, HAARLEM, 2021, 12.5, team=team, source="Eigen telling")
    figure = figure_of(team_figures(team), indicator)
    cells = row_of(figure, "Haarlem").cells
    assert [cell.value for cell in cells] == [Decimal(10), Decimal("12.5")]
    assert "Eigen telling" in figure.sources


def test_another_teams_own_figures_never_show(haarlem, other_team):
    _user, team, plan = haarlem
    _other_user, other, _other_plan = other_team
    shared = make_indicator()
    add_series(shared, HAARLEM, {2020: 10, 2021: 11})
    add_value(shared, HAARLEM, 2021, 99, team=other, source="Geheim van het andere team")
    add_value(shared, HAARLEM, 2022, 98, team=other)
    add_value(shared, "WK039201", 2021, 97, team=other, region_name="Centrum")
    local_only = make_indicator("Alleen bij het andere team", scope=Scope.LOCAL)
    add_value(local_only, HAARLEM, 2021, 50, team=other)
    theirs = make_indicator("Eigen indicator van het andere team", scope=Scope.LOCAL, team=other)
    add_value(theirs, HAARLEM, 2021, 40, team=other)

    figures = team_figures(team)
    figure = figure_of(figures, shared)
    assert figure.years == [2020, 2021]
    assert [cell.value for cell in row_of(figure, "Haarlem").cells] == [Decimal(10), Decimal(11)]
    assert figure.districts == [] and "Geheim van het andere team" not in figure.sources
    for value in (99, 98, 97):
        assert format_value(Decimal(value), Unit.PERCENT, 1) not in figure.chart
    assert figure_of(figures, local_only) is None
    assert local_only.name in [indicator.name for indicator in figures.missing_local]
    assert figure_of(figures, theirs) is None
    assert theirs.name not in [indicator.name for indicator in figures.missing_local]
    assert plan_analysis(plan).own_values == []
    # And the other team sees its own.
    assert row_of(figure_of(team_figures(other), shared), "Haarlem").cells[-1].value == Decimal(98)


def test_districts_show_with_their_names_and_a_secret_district_has_no_bar(haarlem):
    _user, team, _plan = haarlem
    indicator = make_indicator(decimals=1)
    add_series(indicator, HAARLEM, {2021: 7, 2022: 7.5})
    add_value(indicator, "WK039201", 2021, 5.0, region_name="Centrum")
    add_value(indicator, "WK039201", 2022, 6.5, region_name="Centrum")
    add_value(indicator, "WK039203", 2022, 9.0, region_name="Schalkwijk")
    add_value(indicator, "WK039202", 2022, None, status=Status.SECRET, region_name="Noord")
    add_value(indicator, "WK036301", 2022, 30.0, region_name="Amsterdam-Centrum")  # not the team's municipality
    figure = figure_of(team_figures(team), indicator)
    assert figure.district_year == 2022
    assert [name for name, _cell in figure.districts] == ["Centrum", "Noord", "Schalkwijk"]
    cells = dict(figure.districts)
    assert cells["Centrum"].value == Decimal("6.5")
    assert cells["Noord"].value is None and cells["Noord"].text == gettext("secret")
    chart = figure.district_chart
    assert chart.count("<rect ") == 2, "a bar for Centrum and Schalkwijk, none for the secret district"
    assert ">Noord</text>" in chart and ">–</text>" in chart
    assert "Amsterdam-Centrum" not in chart


def test_provisional_figures_end_with_a_star_and_demo_figures_are_flagged(haarlem):
    _user, team, _plan = haarlem
    demo = make_indicator()
    add_value(demo, HAARLEM, 2021, 8, origin=Origin.DEMO)
    add_value(demo, HAARLEM, 2022, 8.4, status=Status.PROVISIONAL, origin=Origin.DEMO)
    real = make_indicator()
    add_value(real, HAARLEM, 2022, 3)
    figures = team_figures(team)
    demo_figure, real_figure = figure_of(figures, demo), figure_of(figures, real)
    final, provisional = row_of(demo_figure, "Haarlem").cells
    assert provisional.provisional and provisional.text.endswith("*")
    assert provisional.text == format_value(Decimal("8.4"), Unit.PERCENT, 1) + "*"
    assert not final.provisional and not final.text.endswith("*")
    assert demo_figure.demo and figures.demo
    assert not real_figure.demo


def test_local_catalogue_indicators_without_figures_are_listed_as_worth_collecting(haarlem):
    _user, team, _plan = haarlem
    missing = make_indicator("Nog te verzamelen", scope=Scope.LOCAL)
    entered = make_indicator("Al ingevuld", scope=Scope.LOCAL)
    add_value(entered, HAARLEM, 2023, 40, team=team)
    own = make_indicator("Eigen, nog leeg", scope=Scope.LOCAL, team=team)
    figures = team_figures(team)
    names = [indicator.name for indicator in figures.missing_local]
    assert "Nog te verzamelen" in names and "Al ingevuld" not in names and "Eigen, nog leeg" not in names
    assert figure_of(figures, entered) in figures.local
    assert figure_of(figures, own) is None


# The learning cycle


def test_without_a_discussion_nothing_is_new(haarlem):
    _user, team, plan = haarlem
    indicator = make_indicator()
    add_series(indicator, HAARLEM, {2022: 10, 2023: 12})
    analysis = plan_analysis(plan)
    assert analysis.last_review is None
    assert analysis.new_figures == []
    assert not any(cell.new for figure in analysis.figures.all for row in figure.rows for cell in row.cells if cell)


@pytest.mark.parametrize("direction, values, verdict", [
    ("lower", (10, 12), "worse"),
    ("lower", (12, 10), "better"),
    ("higher", (10, 12), "better"),
    ("higher", (12, 10), "worse"),
    ("higher", (10, 10), "same"),
    ("neutral", (10, 12), ""),
])
def test_a_value_after_the_discussion_is_new_with_its_change(haarlem, direction, values, verdict):
    user, team, plan = haarlem
    indicator = make_indicator(direction=direction, decimals=1)
    old = add_value(indicator, HAARLEM, 2022, values[0])
    kept = add_value(indicator, NATIONAL, 2022, 9)
    review = record_review(plan, user, [("Wat zien we?", "Een daling.")])
    set_loaded_at(old, before(review.reviewed_at))
    set_loaded_at(kept, before(review.reviewed_at))
    new = add_value(indicator, HAARLEM, 2023, values[1])
    set_loaded_at(new, after(review.reviewed_at))

    analysis = plan_analysis(plan)
    assert analysis.last_review == review
    figure = figure_of(analysis.figures, indicator)
    assert analysis.new_figures == [figure]
    [change] = figure.changes
    assert change.label == "Haarlem" and change.year == 2023 and change.previous_year == 2022
    assert change.text == format_value(Decimal(values[1]), Unit.PERCENT, 1)
    assert change.previous_text == format_value(Decimal(values[0]), Unit.PERCENT, 1)
    assert change.verdict == verdict
    assert [cell.new for cell in row_of(figure, "Haarlem").cells] == [False, True]
    assert not any(cell.new for cell in row_of(figure, gettext("the Netherlands")).cells if cell)


def test_recording_a_discussion_writes_the_change_log_and_keeps_only_given_answers(haarlem):
    user, _team, plan = haarlem
    review = record_review(plan, user, [("Wat zien we?", "Meer gezinnen in de bijstand."), ("Wat doen we?", "  ")])
    assert review.reviewed_by == user and review.plan == plan
    assert review.answers == [{"question": "Wat zien we?", "answer": "Meer gezinnen in de bijstand."}]
    change = PlanChange.objects.filter(plan=plan).first()
    assert change.step_code == ANALYSIS_STEP and change.user == user
    assert change.summary == gettext("Recorded a discussion of the figures")


def test_a_discussion_in_the_previous_cycle_counts_and_another_teams_does_not(haarlem, other_team):
    user, team, plan = haarlem
    other_user, _other, other_plan = other_team
    indicator = make_indicator()
    old = add_value(indicator, HAARLEM, 2022, 10)
    review = record_review(plan, user, [("Wat zien we?", "Het blijft gelijk.")])
    set_loaded_at(old, before(review.reviewed_at))
    next_plan = start_next_cycle(plan, user)
    new = set_loaded_at(add_value(indicator, HAARLEM, 2023, 11), after(review.reviewed_at))

    analysis = plan_analysis(next_plan)
    assert analysis.last_review == review, "the previous cycle's discussion is the latest one"
    assert analysis.reviews == [], "the list of discussions is this cycle's"
    assert [change.year for change in figure_of(analysis.figures, indicator).changes] == [new.year]
    assert plan_analysis(plan).reviews == [review]

    # Another team discussing its figures makes nothing new for this team, nor the other way round.
    other_review = record_review(other_plan, other_user, [("Wat zien we?", "Iets anders.")])
    set_loaded_at(new, after(other_review.reviewed_at))
    assert plan_analysis(next_plan).last_review == review
    assert plan_analysis(other_plan).last_review == other_review
    FigureReview.objects.filter(pk=review.pk).delete()
    assert plan_analysis(next_plan).new_figures == []


# Step 4: the baseline from the figures


def result_form(plan, **data):
    fields = {"result": "Minder kinderen in armoede", "indicator": "", "baseline": "", "baseline_year": "",
              "target": "", "target_year": "", "source": "", "catalogue_indicator": "", "finding": ""}
    return ResultForm({**fields, **data}, instance=Result(plan=plan), plan=plan)


def test_a_result_with_a_figure_and_no_baseline_takes_the_latest_value(haarlem, other_team):
    _user, team, plan = haarlem
    _other_user, other, _other_plan = other_team
    indicator = make_indicator("Aandeel kinderen met een laag inkomen", decimals=1)
    add_series(indicator, HAARLEM, {2021: 31, 2022: 30}, source="CBS StatLine 86202NED")
    add_value(indicator, HAARLEM, 2023, None, status=Status.SECRET)
    add_value(indicator, HAARLEM, 2022, 28.4, team=team, source="Eigen registratie")
    add_value(indicator, HAARLEM, 2024, 12, team=other, source="Van het andere team")
    add_value(indicator, NATIONAL, 2024, 6.5)

    form = result_form(plan, catalogue_indicator=str(indicator.pk))
    assert form.is_valid(), form.errors
    result = form.save()
    assert result.baseline == format_value(Decimal("28.4"), Unit.PERCENT, 1)
    assert "28,4" in result.baseline, "written as Dutch writes it"
    assert result.baseline_year == 2022
    assert result.source == "Eigen registratie, Haarlem"
    assert result.indicator == indicator.name, "an empty indicator text takes the indicator's name"
    assert result.catalogue_indicator == indicator


def test_a_typed_baseline_and_source_are_kept(haarlem):
    _user, _team, plan = haarlem
    indicator = make_indicator()
    add_value(indicator, HAARLEM, 2023, 17)
    form = result_form(plan, catalogue_indicator=str(indicator.pk), indicator="Ons eigen woord", baseline="20%",
                       baseline_year="2021", source="Jeugdmonitor")
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["baseline"], form.cleaned_data["baseline_year"]) == ("20%", 2021)
    assert form.cleaned_data["source"] == "Jeugdmonitor"
    assert form.cleaned_data["indicator"] == "Ons eigen woord"


def test_without_a_value_the_baseline_stays_empty_and_without_an_indicator_the_form_asks_for_one(haarlem):
    _user, _team, plan = haarlem
    indicator = make_indicator("Nog zonder cijfers")
    form = result_form(plan, catalogue_indicator=str(indicator.pk))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["baseline"] == "" and form.cleaned_data["baseline_year"] is None
    assert form.cleaned_data["indicator"] == "Nog zonder cijfers"

    form = result_form(plan)
    assert not form.is_valid()
    assert form.errors["indicator"] == [gettext("Describe the indicator, or choose one from the figures above.")]


def test_another_teams_own_indicator_cannot_be_chosen(haarlem, other_team):
    _user, _team, plan = haarlem
    _other_user, other, _other_plan = other_team
    theirs = make_indicator(scope=Scope.LOCAL, team=other)
    form = result_form(plan, catalogue_indicator=str(theirs.pk), indicator="Iets")
    assert not form.is_valid()
    assert "catalogue_indicator" in form.errors


# Step 6: the number in a target


@pytest.mark.parametrize("text, number", [
    ("7,5%", Decimal("7.5")),
    ("12.5 %", Decimal("12.5")),
    ("1.200 gezinnen", Decimal(1200)),
    ("1.200,5", Decimal("1200.5")),
    ("minder dan 40 gezinnen", Decimal(40)),
    ("geen", None),
    ("", None),
])
def test_target_number(text, number):
    assert target_number(text) == number


def test_trends_show_results_with_a_figure_and_their_target(haarlem):
    _user, _team, plan = haarlem
    indicator = make_indicator("Bereik kindpakket", decimals=0, scope=Scope.LOCAL)
    add_series(indicator, HAARLEM, {2022: 40, 2023: 45})
    with_figure = Result.objects.create(plan=plan, result="Meer kinderen bereikt", indicator="Bereik", target="60%",
                                        target_year=2027, catalogue_indicator=indicator)
    Result.objects.create(plan=plan, result="Zonder cijfers", indicator="Gesprekken")
    empty = make_indicator("Zonder waarden")
    Result.objects.create(plan=plan, result="Indicator zonder waarden", indicator="x", catalogue_indicator=empty)
    [trend] = result_trends(plan)
    assert trend.result == with_figure and trend.target == Decimal(60)
    assert trend.figure.indicator_pk == indicator.pk
    assert gettext("target %(year)s") % {"year": 2027} in trend.chart
    assert "-target" in trend.chart


# Step 3: a figure the team enters


def value_form(team, instance=None, **data):
    return LocalValueForm({"region": HAARLEM, "year": "2024", "source": "Eigen registratie", **data}, team=team,
                          instance=instance)


def test_a_local_figure_is_checked_before_it_is_saved(haarlem, other_team):
    user, team, _plan = haarlem
    _other_user, other, _other_plan = other_team
    share = make_indicator(scope=Scope.LOCAL, unit=Unit.PERCENT)
    count = make_indicator(scope=Scope.LOCAL, unit=Unit.NUMBER)

    form = value_form(team, indicator=share.pk, value="23,5")
    assert form.is_valid(), form.errors
    saved = form.save()
    assert (saved.team, saved.origin, saved.value, saved.region) == (team, Origin.TEAM, Decimal("23.5"), HAARLEM)

    cases = [
        ({"indicator": count.pk, "value": "-1"}, "value", gettext("A figure cannot be below zero.")),
        ({"indicator": share.pk, "value": "100,5", "year": "2025"}, "value",
         gettext("A percentage lies between 0 and 100.")),
        ({"indicator": count.pk, "value": "veel"}, "value", gettext("Enter a number, for example 412 or 23,5.")),
        ({"indicator": share.pk, "value": "20"}, "year",
         gettext("The team already entered this figure for this year. Change that figure instead.")),
        ({"indicator": count.pk, "value": "3", "year": "1989"}, "year",
         str(LocalValueForm.base_fields["year"].error_messages["min_value"])),
    ]
    for data, field, message in cases:
        form = value_form(team, **data)
        assert not form.is_valid(), data
        assert message in form.errors[field], (data, form.errors)
    assert IndicatorValue.objects.filter(team=team).count() == 1

    # A count above 100 is fine; a region outside the team is not; the other team's same figure is no duplicate.
    for typed, number in [("1.200", Decimal(1200)), ("1.200,5", Decimal("1200.5")), ("1.5", Decimal("1.5"))]:
        form = value_form(team, indicator=count.pk, value=typed)
        assert form.is_valid() and form.cleaned_data["value"] == number, (typed, "read as Dutch writes it")
    with translation.override("en"):
        for typed, number in [("1,200", Decimal(1200)), ("23.5", Decimal("23.5"))]:
            form = value_form(team, indicator=count.pk, value=typed)
            assert form.is_valid() and form.cleaned_data["value"] == number, (typed, "read as English writes it")
    assert "region" in value_form(team, indicator=count.pk, value="3", region=AMSTERDAM).errors
    assert value_form(other, indicator=share.pk, value="20").is_valid()
    # Changing the figure itself is no duplicate of itself.
    assert value_form(team, instance=saved, indicator=share.pk, value="24").is_valid()


def test_the_region_is_hidden_for_one_municipality_and_chosen_for_more(haarlem, two_towns):
    _user, team, _plan = haarlem
    form = LocalValueForm(team=team)
    assert form.fields["region"].widget.is_hidden
    assert form.fields["region"].initial == HAARLEM
    _user, both, _plan = two_towns
    form = LocalValueForm(team=both)
    assert not form.fields["region"].widget.is_hidden
    assert list(form.fields["region"].choices) == [(BEVERWIJK, "Beverwijk"), (HAARLEM, "Haarlem")]


def test_another_teams_indicator_cannot_get_a_figure(haarlem, other_team):
    _user, team, _plan = haarlem
    _other_user, other, _other_plan = other_team
    theirs = make_indicator(scope=Scope.LOCAL, team=other)
    assert "indicator" in value_form(team, indicator=theirs.pk, value="3").errors


# The export


def percents(*numbers) -> list[str]:
    return [format_value(Decimal(number), Unit.PERCENT, 1) for number in numbers]


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split())


def svg_texts(svg: str, group: str) -> list[str]:
    """The texts of one group of a chart, e.g. its axis, its years or its value labels."""
    block = re.search(rf'<g id="[^"]*-{group}"[^>]*>(.*?)</g>', svg, re.S).group(1)
    return re.findall(r"<text[^>]*>([^<]+)</text>", block)


@pytest.fixture
def exported(haarlem):
    """A plan with a national figure, a local one, a survey and a result with a target."""
    user, team, plan = haarlem
    share = make_indicator("Aandeel testkinderen in armoede", decimals=1)
    add_series(share, HAARLEM, {2019: 43.7, 2020: 41.2, 2021: 39.9})
    add_value(share, HAARLEM, 2022, 38.4, status=Status.PROVISIONAL)
    national(share, {2019: 20.1, 2020: 21.3, 2021: 22.5, 2022: 23.6})
    local = make_indicator("Bereik testpakket", scope=Scope.LOCAL, decimals=0)
    add_series(local, HAARLEM, {2022: 57, 2023: 64}, team=team, source="Eigen registratie Haarlem")
    Result.objects.create(plan=plan, result="Minder testkinderen in armoede", indicator="Aandeel", target="30%",
                          target_year=2027, catalogue_indicator=share)
    run = make_run(team)
    for number in range(12):
        answer(run, {"school": "Noord", "mood": 3 if number % 3 else 2, "breakfast": "yes"})
    return plan, share, local, run


def test_the_plan_document_has_the_figure_groups_of_steps_3_and_6(exported):
    plan, share, local, run = exported
    steps = {step.code: step for step in plan_document(plan).steps}
    groups = steps[ANALYSIS_STEP].figure_groups
    titles = [group.title for group in groups]
    assert titles[:2] == [gettext("National figures"), gettext("Local figures")]
    assert gettext("What our survey found: %(title)s") % {"title": run.title} in titles
    national_entries = {entry.title: entry for entry in groups[0].figures}
    entry = national_entries[share.name]
    assert entry.table.columns == [gettext("Region"), "2019", "2020", "2021", "2022"]
    assert entry.table.rows[0] == ["Haarlem", *percents("43.7", "41.2", "39.9"), percents("38.4")[0] + "*"]
    assert "43,7" in entry.table.rows[0][1], "written as Dutch writes it"
    assert entry.table.rows[1][0] == gettext("the Netherlands")
    assert gettext("* provisional figure") in entry.notes
    assert entry.chart and 'role="img"' in entry.chart
    assert [entry.title for entry in groups[1].figures] == [local.name]
    voices = groups[2].figures
    assert voices and all(entry.chart for entry in voices)

    [trends] = steps[TRENDS_STEP].figure_groups
    assert trends.title == gettext("Results against their targets")
    [trend] = trends.figures
    assert trend.title == "Minder testkinderen in armoede"
    assert gettext("Target: %(target)s") % {"target": "30%"} in trend.notes
    assert "-target" in trend.chart
    assert not any(step.figure_groups for code, step in steps.items() if code not in (ANALYSIS_STEP, TRENDS_STEP))


def test_the_pdf_has_the_charts_and_the_word_file_the_tables(exported):
    plan, share, local, _run = exported
    document = plan_document(plan)
    text = pdf_text(render_pdf(document))
    chart = figure_of(team_figures(plan.team), share).chart
    assert share.name in text and local.name in text
    # Only the chart has an axis; its value labels repeat the table's figures.
    for label in svg_texts(chart, "axis"):
        assert label in text, label
    assert svg_texts(chart, "years") == ["2019", "2020", "2021", "2022"]
    assert len(svg_texts(chart, "axis")) >= 3
    for number in ("43.7", "41.2", "23.6"):
        on_chart = chart_value(Decimal(number), Unit.PERCENT, 1)
        in_table = percents(number)[0]
        assert on_chart in svg_texts(chart, "values")
        if on_chart == in_table:
            assert text.count(on_chart) >= 2, f"{number} in the table and on the chart"
        else:
            assert on_chart in text and in_table in text
    assert chart_value(Decimal("38.4"), Unit.PERCENT, 1) + "*" in svg_texts(chart, "values")
    # The trend of step 6 with its target line.
    assert gettext("target %(year)s") % {"year": 2027} in text

    word = docx.Document(BytesIO(render_docx(document)))
    headings = [paragraph.text for paragraph in word.paragraphs]
    assert share.name in headings and local.name in headings
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]
    share_table = next(table for table in tables if table[0][1:] == ["2019", "2020", "2021", "2022"])
    assert share_table[1] == ["Haarlem", *percents("43.7", "41.2", "39.9"), percents("38.4")[0] + "*"]
    own = [format_value(Decimal(value), Unit.PERCENT, 0) for value in (57, 64)]
    assert any(table[0][1:] == ["2022", "2023"] and table[1] == ["Haarlem", *own] for table in tables)


# The voices of children: no suppressed figure can be worked out from what is shown


SCHOOLS = ("Noord", "Zuid", "West")
NO_GROUP = None


def make_answers(seed, sizes):
    """Responses per school (None: no school given) with varied answers; returns them as given."""
    chance = random.Random(seed)
    given = []
    for school, size in sizes.items():
        for _number in range(size):
            values = {
                "mood": chance.choice([1, 2, 3, 3]),
                "life": chance.randint(0, 10),
                "sport": [item_id(key) for key in ("sport", "music") if chance.random() < 0.5],
                "breakfast": chance.choice(["yes", "yes", "no"]),
            }
            if school:
                values["school"] = school
            given.append((school, values))
    return given


def truth(question, given):
    """Per group (school label or NO_GROUP), the true count per category as results.py orders them."""
    def categories(values):
        if question.kind == "segment":
            return None
        value = values.get(question.id)
        if value is None:
            return None
        if question.kind == "ladder":
            return [int(low <= value <= high) for low, high in LADDER_BANDS]
        if question.multiple:
            return [int(option.key in value) for option in question.options]
        return [int(str(value) == str(known)) for known in question.values]

    groups = {}
    for school, values in given:
        counted = categories(values)
        if counted is None:
            continue
        total = groups.setdefault(school, [0] * len(counted))
        for index, count in enumerate(counted):
            total[index] += count
    return groups


def check_no_single_hidden_group_follows(results, given, no_group_label):
    """For every question and every answer: what everyone answered minus what the shown groups answered must
    never be one hidden group's true figure, so at least two groups are hidden wherever a remainder can be
    worked out. Returns how many remainders could be worked out (and were checked)."""
    sizes = {}
    for school, _values in given:
        sizes[school] = sizes.get(school, 0) + 1
    checked = 0
    for theme in results.themes:
        for result in theme.questions:
            question = result.question
            if result.answered is None or question.kind == "open_text":
                continue
            if question.kind == "segment":
                # The group question's own figures are the group sizes.
                shown = {figure.label: figure.count for figure in result.figures if figure.count is not None}
                hidden = [school for school in sizes if (school or no_group_label) not in shown]
                if hidden:
                    remainder = result.answered - sum(shown.values())
                    assert remainder == sum(sizes[school] for school in hidden)
                    assert len(hidden) >= 2, f"the group sizes give away {hidden[0]}: {remainder}"
                    checked += 1
                continue
            groups = truth(question, given)
            for breakdown in result.breakdowns:
                shown = {group.label: group for group in breakdown.groups if group.answered is not None}
                hidden = [school for school in groups if (school or no_group_label) not in shown]
                if not hidden or not shown:
                    continue
                remainder = result.answered - sum(group.answered for group in shown.values())
                assert remainder == sum(sum(groups[school]) for school in hidden) or question.multiple
                assert len(hidden) >= 2, f"{question.id}: the sizes give away {hidden[0]}: {remainder}"
                checked += 1
                for index, overall in enumerate(result.figures):
                    if overall.count is None or any(group.figures[index].count is None for group in shown.values()):
                        continue
                    remainder = overall.count - sum(group.figures[index].count for group in shown.values())
                    assert remainder == sum(groups[school][index] for school in hidden), (question.id, index)
                    assert len(hidden) >= 2, f"{question.id}, answer {index}: {hidden[0]} had {remainder}"
                    checked += 1
    return checked


@pytest.mark.parametrize("sizes", [
    {"Noord": 16, "Zuid": 13, "West": 4},
    {"Noord": 16, "Zuid": 14, "West": 4, NO_GROUP: 3},
    {"Noord": 18, "Zuid": 15, "West": 6, NO_GROUP: 11},
])
def test_a_suppressed_group_cannot_be_worked_out_from_the_analysis(haarlem, sizes):
    _user, team, plan = haarlem
    run = make_run(team, schools=SCHOOLS, min_group_size=10)
    given = make_answers(sum(sizes.values()), sizes)
    for _school, values in given:
        answer(run, values)
    [results] = plan_analysis(plan).voices
    assert results.run == run and results.shown and results.respondents == len(given)
    checked = check_no_single_hidden_group_follows(results, given, gettext("No group given"))
    assert checked > 0, "some figures must be shown, or the check proves nothing"
    # West is too small: nowhere in the analysis does it show as a group of its own.
    for theme in results.themes:
        for result in theme.questions:
            for breakdown in result.breakdowns:
                west = [group for group in breakdown.groups if group.label == "West"]
                assert all(group.answered is None for group in west)


# Query counts of the step-3 page


def fill_figures(team, indicators, years):
    for number in range(indicators):
        scope = Scope.NATIONAL if number % 2 else Scope.LOCAL
        indicator = make_indicator(scope=scope, unit=Unit.PERCENT if number % 3 else Unit.NUMBER)
        for year in range(2025 - years, 2025):
            add_value(indicator, HAARLEM, year, 10 + number + year % 7, team=team if scope == Scope.LOCAL else None,
                      status=Status.PROVISIONAL if year == 2024 else Status.FINAL)
            if scope == Scope.NATIONAL:
                add_value(indicator, NATIONAL, year, 9 + year % 5)
                add_value(indicator, f"WK0392{number % 9 + 1:02d}", year, 3 + number, region_name=f"Wijk {number}")


def mark_new_since(review):
    """Everything was there before the discussion, except the latest year, which came after it."""
    IndicatorValue.objects.update(loaded_at=before(review.reviewed_at))
    IndicatorValue.objects.filter(year=2024).update(loaded_at=after(review.reviewed_at))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_step_3_page_takes_the_same_number_of_queries_for_more_figures(client, haarlem, language):
    user, team, plan = haarlem
    client.force_login(user)
    with translation.override(language):
        url = reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, ANALYSIS_STEP])
    fill_figures(team, 5, 5)
    review = record_review(plan, user, [("Wat zien we?", "Veel.")])
    mark_new_since(review)
    assert client.get(url).status_code == 200  # warms what is cached per process
    cache.clear()  # the figures are made again, as after a change
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    few = len(few)  # counted now: a later request empties the connection's log
    assert response.status_code == 200 and few > 0
    small = response.content.count(b'<svg ')

    fill_figures(team, 20, 10)
    mark_new_since(review)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b'<svg ') >= small + 20
    with translation.override(language):
        assert response.content.count(gettext("new figures").encode()) >= 20
    assert len(many) == few, "\n".join(query["sql"] for query in many.captured_queries)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_step_3_page_takes_the_same_number_of_queries_for_more_concerns(client, haarlem, language):
    user, team, plan = haarlem
    client.force_login(user)
    with translation.override(language):
        url = reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, ANALYSIS_STEP])
    indicators = [make_indicator() for _number in range(6)]
    Finding.objects.create(plan=plan, kind="concern", text="Zorg 0", indicator=indicators[0])
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    few = len(few)
    for number, indicator in enumerate(indicators[1:], start=1):
        Finding.objects.create(plan=plan, kind="concern", text=f"Zorg {number}", indicator=indicator)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.count(b"Zorg ") >= 6
    assert len(many) == few, "\n".join(query["sql"] for query in many.captured_queries)



def test_the_next_cycle_takes_concerns_along_and_its_results_point_to_their_copies(haarlem):
    user, _team, plan = haarlem
    concern = Finding.objects.create(plan=plan, kind="concern", text="Veel kinderen missen het ontbijt")
    Result.objects.create(plan=plan, result="Elk kind ontbijt", indicator="Ontbijt op school", finding=concern)
    new_plan = start_next_cycle(plan, user)
    copied = Finding.objects.get(plan=new_plan)
    assert copied.text == concern.text and copied.pk != concern.pk
    assert Result.objects.get(plan=new_plan).finding == copied
    assert Result.objects.get(plan=plan).finding == concern
