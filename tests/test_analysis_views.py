"""Step 3's analysis over HTTP: entering the team's own figures and indicators, recording a discussion of the
figures, what the step-3 page shows, and how steps 4 and 6 build on it."""

import html
import re
from decimal import Decimal

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.timezone import localtime
from django.utils.translation import gettext

from gemeenten.cycles import start_next_cycle
from gemeenten.figures.values import format_value
from gemeenten.models import FigureReview, Finding, Indicator, IndicatorValue, PlanChange, Result
from gemeenten.models.figures import Origin, Scope, Unit
from tests.figures import add_series, add_value, after, make_indicator, national, set_loaded_at
from tests.workspace import add_member, make_team

pytestmark = pytest.mark.django_db

HAARLEM = "GM0392"


@pytest.fixture
def team_plan():
    coordinator, team, plan = make_team("coordinator@haarlem.example", code=HAARLEM, name="Team Haarlem")
    return coordinator, team, plan


@pytest.fixture
def member(team_plan):
    return add_member(team_plan[1], "lid@haarlem.example")


@pytest.fixture
def reader(team_plan):
    return add_member(team_plan[1], "lezer@haarlem.example", role="reader")


@pytest.fixture
def as_member(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def share():
    """A local indicator of the catalogue, a percentage."""
    return make_indicator("Bereik van het testpakket", scope=Scope.LOCAL, unit=Unit.PERCENT, decimals=0,
                          direction="higher")


@pytest.fixture
def own_value(team_plan, share):
    _coordinator, team, _plan = team_plan
    return add_value(share, HAARLEM, 2023, 58, team=team, source="Eigen registratie")


def url(name, plan, *args):
    return reverse(f"gemeenten:{name}", args=[plan.team_id, plan.cycle, *args])


def step_url(plan, code):
    return url("worksheet", plan, code)


def value_data(indicator, **data):
    return {"indicator": indicator.pk, "region": HAARLEM, "year": "2024", "value": "61", "source": "Eigen registratie",
            **data}


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def section(page: str, element_id: str) -> str:
    """The HTML of the <section> with this id, up to its end (sections inside it included)."""
    start = page.index(f'id="{element_id}"')
    depth, position = 1, page.index(">", start)
    for match in re.finditer(r"<section\b|</section>", page[position:]):
        depth += 1 if match.group() == "<section" else -1
        if depth == 0:
            return page[start:position + match.end()]
    raise AssertionError(f"section {element_id} does not end")


# Who may use the new URLs


@pytest.fixture
def figure_urls(team_plan, share, own_value):
    """Every URL of the analysis, each with the methods it takes and data to post."""
    _coordinator, _team, plan = team_plan
    return [
        (url("add_figure", plan), ("get", "post"), value_data(share)),
        (url("figure", plan, own_value.pk), ("get", "post"), {"action": "delete"}),
        (url("add_indicator", plan), ("get", "post"),
         {"name": "Schoolmaaltijden", "unit": "number", "direction": "higher"}),
        (url("review_figures", plan), ("post",), {"answer-0": "We zagen een daling."}),
    ]


def assert_nothing_changed(team, own_value):
    assert IndicatorValue.objects.filter(team=team).count() == 1
    assert IndicatorValue.objects.get(pk=own_value.pk).value == own_value.value
    assert not Indicator.objects.filter(team=team).exists()
    assert not FigureReview.objects.filter(plan__team=team).exists()


def test_a_member_of_another_team_gets_404(client, team_plan, figure_urls, own_value):
    stranger, _other, _plan = make_team("vreemde@zaanstad.example", code="GM0479", name="Ander team")
    client.force_login(stranger)
    for address, methods, data in figure_urls:
        for method in methods:
            response = getattr(client, method)(address, data if method == "post" else None)
            assert response.status_code == 404, (method, address)
    assert_nothing_changed(team_plan[1], own_value)


def test_a_reader_gets_403(client, team_plan, reader, figure_urls, own_value):
    client.force_login(reader)
    for address, methods, data in figure_urls:
        for method in methods:
            response = getattr(client, method)(address, data if method == "post" else None)
            assert response.status_code == 403, (method, address)
    assert_nothing_changed(team_plan[1], own_value)
    page = client.get(step_url(team_plan[2], "3")).content.decode()
    assert url("add_figure", team_plan[2]) not in page and url("review_figures", team_plan[2]) not in page


def test_anonymous_visitors_are_sent_to_login(client, team_plan, figure_urls, own_value):
    for address, methods, data in figure_urls:
        for method in methods:
            response = getattr(client, method)(address, data if method == "post" else None)
            assert response.status_code == 302, (method, address)
            assert response["Location"].startswith(reverse("account_login")), address
    assert_nothing_changed(team_plan[1], own_value)


def test_only_the_teams_own_figures_can_be_changed(as_member, team_plan, share, own_value):
    _coordinator, _team, plan = team_plan
    _other_user, other, _other_plan = make_team("ander@haarlem.example", code=HAARLEM, name="Ander team Haarlem")
    theirs = add_value(share, HAARLEM, 2023, 12, team=other)
    public = make_indicator()
    cbs = add_value(public, HAARLEM, 2023, 7)
    for value in (theirs, cbs):
        address = url("figure", plan, value.pk)
        assert as_member.get(address).status_code == 404
        assert as_member.post(address, {"action": "delete"}).status_code == 404
        assert as_member.post(address, value_data(share, value="1")).status_code == 404
        assert IndicatorValue.objects.get(pk=value.pk).value == value.value
    assert as_member.get(url("figure", plan, own_value.pk)).status_code == 200


def test_a_closed_plan_refuses_every_change(client, team_plan, share, own_value):
    coordinator, team, plan = team_plan
    start_next_cycle(plan, coordinator)
    client.force_login(coordinator)
    posts = [
        (url("add_figure", plan), value_data(share)),
        (url("figure", plan, own_value.pk), {"action": "delete"}),
        (url("figure", plan, own_value.pk), value_data(share, year="2023", value="1")),
        (url("add_indicator", plan), {"name": "Schoolmaaltijden", "unit": "number", "direction": "higher"}),
        (url("review_figures", plan), {"answer-0": "We zagen een daling."}),
    ]
    for address, data in posts:
        assert client.post(address, data).status_code == 403, address
    assert_nothing_changed(team, own_value)
    page = client.get(step_url(plan, "3"))
    assert page.status_code == 200
    assert url("add_figure", plan) not in page.content.decode()


# The team's own figures


def test_adding_a_figure_shows_it_in_step_3(as_member, team_plan, member, share):
    _coordinator, team, plan = team_plan
    response = as_member.post(url("add_figure", plan), value_data(share, value="61", year="2024"))
    assert response.status_code == 302
    assert response["Location"] == step_url(plan, "3") + "#local-figures"
    value = IndicatorValue.objects.get(team=team)
    assert (value.indicator, value.region, value.year, value.origin, value.entered_by) == (
        share, HAARLEM, 2024, Origin.TEAM, member)
    change = PlanChange.objects.filter(plan=plan).first()
    assert change.step_code == "3" and change.user == member
    assert change.summary == gettext("Local figures: added “%(figure)s”") % {"figure": f"{share.name}, 2024"}

    page = text_of(as_member.get(response["Location"]))
    local = section(page, "local-figures")
    figure = section(local, f"figure-{share.code}")
    assert share.name in figure and format_value(61, Unit.PERCENT, 0) in figure and "<svg" in figure
    own = local[local.index('id="own-figures"'):]
    assert share.name in own and ">2024<" in own and "Eigen registratie" in own
    assert url("figure", plan, value.pk) in own
    worth_collecting = local[local.index(gettext("Figures worth collecting")):]
    assert share.name not in worth_collecting[:worth_collecting.index("</ul>")]


@pytest.mark.parametrize("typed, message", [
    ("-5", "A figure cannot be below zero."),
    ("140", "A percentage lies between 0 and 100."),
    ("veel", "Enter a number, for example 412 or 23,5."),
])
def test_a_wrong_figure_comes_back_with_the_message_and_what_was_typed(as_member, team_plan, share, typed, message):
    _coordinator, team, plan = team_plan
    changes = PlanChange.objects.filter(plan=plan).count()
    response = as_member.post(url("add_figure", plan), value_data(share, value=typed, source="Telling van de school"))
    assert response.status_code == 422
    page = text_of(response)
    assert gettext(message) in page
    assert f'value="{typed}"' in page and 'value="Telling van de school"' in page
    assert not IndicatorValue.objects.filter(team=team).exists()
    assert PlanChange.objects.filter(plan=plan).count() == changes


def test_a_figure_is_changed_and_removed_with_a_trace(as_member, team_plan, member, share, own_value):
    _coordinator, _team, plan = team_plan
    changes = PlanChange.objects.filter(plan=plan).count()
    address = url("figure", plan, own_value.pk)
    page = text_of(as_member.get(address))
    assert 'name="value"' in page and share.name in page

    response = as_member.post(address, value_data(share, year="2023", value="60", action="save"))
    assert response.status_code == 302 and response["Location"].endswith("#local-figures")
    own_value.refresh_from_db()
    assert own_value.value == 60
    label = f"{share.name}, 2023"
    assert PlanChange.objects.filter(plan=plan).first().summary == (
        gettext("Local figures: changed “%(figure)s”") % {"figure": label})

    # Saving it unchanged writes nothing.
    as_member.post(address, value_data(share, year="2023", value="60", action="save"))
    assert PlanChange.objects.filter(plan=plan).count() == changes + 1

    # A change that would duplicate another figure of the team is refused.
    add_value(share, HAARLEM, 2022, 50, team=own_value.team)
    response = as_member.post(address, value_data(share, year="2022", value="60"))
    assert response.status_code == 422
    duplicate = gettext("The team already entered this figure for this year. Change that figure instead.")
    assert duplicate in text_of(response)

    response = as_member.post(address, {"action": "delete"})
    assert response.status_code == 302
    assert not IndicatorValue.objects.filter(pk=own_value.pk).exists()
    latest = PlanChange.objects.filter(plan=plan).first()
    assert latest.user == member
    assert latest.summary == gettext("Local figures: removed “%(figure)s”") % {"figure": label}


# The team's own indicators


def test_a_team_adds_its_own_indicator_with_a_code_of_its_own(as_member, client, team_plan, member):
    _coordinator, team, plan = team_plan
    data = {"name": "Kinderen met een schoolmaaltijd", "unit": "number", "direction": "higher",
            "definition": "Per schooljaar geteld.", "source": "Scholen"}
    response = as_member.post(url("add_indicator", plan), data)
    assert response.status_code == 302 and response["Location"] == step_url(plan, "3") + "#local-figures"
    indicator = Indicator.objects.get(team=team)
    assert (indicator.scope, indicator.unit, indicator.decimals) == (Scope.LOCAL, Unit.NUMBER, 0)
    assert indicator.code.startswith(f"team-{team.pk}-")
    assert PlanChange.objects.filter(plan=plan).first().summary == (
        gettext("Added the indicator “%(name)s”") % {"name": data["name"]})
    # It can get figures now.
    page = text_of(as_member.get(step_url(plan, "3")))
    assert f'<option value="{indicator.pk}">{data["name"]}</option>' in page

    # The same name again, in other capitals: refused.
    response = as_member.post(url("add_indicator", plan), {**data, "name": "kinderen met een Schoolmaaltijd"})
    assert response.status_code == 422
    assert gettext("The team already has an indicator with this name.") in text_of(response)
    assert Indicator.objects.filter(team=team).count() == 1

    # A name with the same slug gets a code of its own.
    response = as_member.post(url("add_indicator", plan), {**data, "name": "Kinderen met een schoolmaaltijd!"})
    assert response.status_code == 302
    codes = list(Indicator.objects.filter(team=team).values_list("code", flat=True))
    assert len(set(codes)) == 2

    # Another team may use the same name; its indicator is its own.
    other_user, other, other_plan = make_team("ander@haarlem.example", code=HAARLEM, name="Ander team Haarlem")
    client.force_login(other_user)
    assert client.post(url("add_indicator", other_plan), data).status_code == 302
    theirs = Indicator.objects.get(team=other)
    assert theirs.code not in codes
    client.force_login(member)
    assert f'value="{theirs.pk}"' not in text_of(client.get(step_url(plan, "3")))


def test_a_teams_words_are_shown_as_text_in_the_charts_and_tables(as_member, team_plan):
    _coordinator, team, plan = team_plan
    name = "<script>alert('cijfer')</script> & co"
    data = {"name": name, "unit": "percent", "direction": "higher", "source": "<b>school</b>"}
    assert as_member.post(url("add_indicator", plan), data).status_code == 302
    indicator = Indicator.objects.get(team=team)
    response = as_member.post(url("add_figure", plan), value_data(indicator, source="<img src=x onerror=alert(1)>"))
    assert response.status_code == 302
    add_value(indicator, "WK039201", 2024, 12, team=team, region_name="<i>Centrum</i>")
    page = as_member.get(step_url(plan, "3")).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page and "<i>Centrum" not in page
    figure = section(page, f"figure-{indicator.code}")
    assert "&lt;script&gt;alert(&#x27;cijfer&#x27;)&lt;/script&gt; &amp; co" in figure
    assert figure.count("<svg") == 2 and "&lt;i&gt;Centrum&lt;/i&gt;" in figure


# Recording a discussion of the figures


def test_a_discussion_needs_an_answer_and_then_nothing_is_new(as_member, team_plan, member, share):
    _coordinator, team, plan = team_plan
    add_series(share, HAARLEM, {2022: 50, 2023: 55}, team=team)
    page = text_of(as_member.get(step_url(plan, "3")))
    assert url("review_figures", plan) in section(page, "learning-cycle")

    response = as_member.post(url("review_figures", plan), {"answer-0": "  ", "answer-1": ""})
    assert response.status_code == 422
    assert gettext("Answer at least one question, so the team can see later what you concluded.") in text_of(response)
    assert not FigureReview.objects.filter(plan=plan).exists()

    response = as_member.post(url("review_figures", plan), {"answer-0": "De vraag bij de inloop blijft gelijk."})
    assert response.status_code == 302
    assert response["Location"] == step_url(plan, "3") + "#learning-cycle"
    review = FigureReview.objects.get(plan=plan)
    assert review.reviewed_by == member
    assert review.answers[0]["answer"] == "De vraag bij de inloop blijft gelijk."
    assert PlanChange.objects.filter(plan=plan, step_code="3").exists()

    when = date_filter(localtime(review.reviewed_at), "j F Y")
    learning = section(text_of(as_member.get(step_url(plan, "3"))), "learning-cycle")
    assert gettext("No new figures since you discussed the figures on %(date)s.") % {"date": when} in learning
    assert url("review_figures", plan) not in learning, "no questions while nothing is new"
    assert "De vraag bij de inloop blijft gelijk." in learning

    # A figure that arrives later is new, and the questions come back.
    new = add_value(share, HAARLEM, 2024, 64, team=team)
    set_loaded_at(new, after(review.reviewed_at))
    learning = section(text_of(as_member.get(step_url(plan, "3"))), "learning-cycle")
    assert gettext("New figures have arrived since you discussed the figures on %(date)s.") % {"date": when} in learning
    assert f'href="#figure-{share.code}"' in learning and gettext("better") in learning
    assert url("review_figures", plan) in learning


# What the step-3 page shows


def test_step_3_shows_the_figures_as_charts_with_tables_and_the_other_sections(as_member, team_plan, share, own_value):
    _coordinator, _team, plan = team_plan
    cbs = make_indicator("Aandeel testkinderen met een laag inkomen", decimals=1)
    add_series(cbs, HAARLEM, {2022: 9.1, 2023: 9.4})
    national(cbs, {2022: 6.0, 2023: 6.3})
    demo = make_indicator("Demo-indicator voor de test", decimals=1)
    add_series(demo, HAARLEM, {2022: 3.1, 2023: 3.3}, origin=Origin.DEMO)
    Finding.objects.create(plan=plan, kind="concern", text="Weinig bereik in Schalkwijk", indicator=share)

    response = as_member.get(step_url(plan, "3"))
    assert response.status_code == 200
    page = text_of(response)
    national_figures = section(page, "national-figures")
    figure = section(national_figures, f"figure-{cbs.code}")
    assert '<svg' in figure and 'role="img"' in figure and "<table" in figure
    assert format_value(Decimal("9.4"), Unit.PERCENT, 1) in figure and gettext("the Netherlands") in figure
    assert gettext("demo figures, made up") not in figure
    assert gettext("demo figures, made up") in section(national_figures, f"figure-{demo.code}")
    local = section(page, "local-figures")
    assert share.name in section(local, f"figure-{share.code}")
    assert 'id="section-signalen"' in page
    concerns = section(page, "section-zorgen-en-kansen")
    assert "Weinig bereik in Schalkwijk" in concerns and share.name in concerns
    assert 'id="survey-results"' in page


# Step 4 starts from step 3's concerns and opportunities; step 6 shows their trend


@pytest.fixture
def finding(team_plan, share):
    _coordinator, team, plan = team_plan
    add_series(share, HAARLEM, {2022: 52, 2023: 58}, team=team, source="Eigen registratie")
    return Finding.objects.create(plan=plan, kind="opportunity", text="Meer kinderen bereiken via de scholen",
                                  indicator=share)


PREFILLED = ">\nMeer kinderen bereiken via de scholen</textarea>"


def test_step_4_starts_a_result_from_a_finding(as_member, team_plan, share, finding):
    _coordinator, _team, plan = team_plan
    page = text_of(as_member.get(step_url(plan, "4") + f"?finding={finding.pk}"))
    assert PREFILLED in page
    assert f'name="resultaten-finding" value="{finding.pk}"' in page
    assert re.search(rf'<option value="{share.pk}" selected>', page)


def test_step_4_ignores_a_finding_it_cannot_use(as_member, team_plan, finding):
    _coordinator, _team, plan = team_plan
    _other_user, _other, other_plan = make_team("ander@haarlem.example", code=HAARLEM, name="Ander team Haarlem")
    theirs = Finding.objects.create(plan=other_plan, kind="concern", text="Geheime zorg van het andere team")
    for query in ("abc", str(theirs.pk), "9" * 30, ""):
        response = as_member.get(step_url(plan, "4") + f"?finding={query}")
        assert response.status_code == 200, query
        page = text_of(response)
        assert PREFILLED not in page and "Geheime zorg van het andere team" not in page
        assert 'name="resultaten-finding" value=' not in page


def test_a_result_from_a_finding_links_it_and_takes_its_baseline(as_member, team_plan, share, finding):
    _coordinator, _team, plan = team_plan
    assert f"?finding={finding.pk}" in text_of(as_member.get(step_url(plan, "4")))
    data = {"result": finding.text, "catalogue_indicator": share.pk, "indicator": "", "baseline": "",
            "baseline_year": "", "target": "70%", "target_year": "2027", "source": "", "finding": finding.pk}
    posted = {f"resultaten-{key}": value for key, value in data.items()}
    response = as_member.post(url("section", plan, "resultaten"), posted)
    assert response.status_code == 302
    result = Result.objects.get(plan=plan)
    assert result.finding == finding and result.catalogue_indicator == share
    assert (result.baseline, result.baseline_year) == (format_value(58, Unit.PERCENT, 0), 2023)
    assert result.indicator == share.name
    page = text_of(as_member.get(step_url(plan, "4")))
    assert f"?finding={finding.pk}" not in page, "a finding with a result leaves the starting list"

    # Step 6 shows its trend against the target.
    page = text_of(as_member.get(step_url(plan, "6")))
    trends = section(page, "result-trends")
    trend = section(trends, f"trend-{result.pk}")
    assert finding.text in trend and share.name in trend and "<svg" in trend and "<table" in trend
    assert gettext("target %(year)s") % {"year": 2027} in trend


def test_step_6_has_no_trends_without_a_result_from_the_figures(as_member, team_plan):
    _coordinator, _team, plan = team_plan
    Result.objects.create(plan=plan, result="Meer ouders weten de weg", indicator="Gesprekken")
    page = text_of(as_member.get(step_url(plan, "6")))
    assert 'id="result-trends"' not in page


def test_step_4_ignores_a_finding_id_in_other_digits(as_member, team_plan):
    _coordinator, _team, plan = team_plan
    assert as_member.get(step_url(plan, "4") + "?finding=%C2%B2").status_code == 200
