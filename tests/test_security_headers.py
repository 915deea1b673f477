"""Every kind of page gets a strict Content-Security-Policy and the security headers, and holds nothing that
policy would block: no inline script, no style attribute, no event handler attribute."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from gemeenten.models import Team
from portal.models import User

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+=", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_strict(response, path):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"], path
    assert policy["script-src"] == ["'self'"], path
    assert policy["style-src"] == ["'self'"], path
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"], path
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"], path
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer"), path
    assert response["X-Frame-Options"] == "DENY", path
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"], path
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), f"{path}: {INLINE_SCRIPT.search(html).group(0)}"
        assert not STYLE_ATTRIBUTE.search(html), f"{path}: {STYLE_ATTRIBUTE.search(html).group(0)[:200]}"
        assert not EVENT_ATTRIBUTE.search(html), f"{path}: {EVENT_ATTRIBUTE.search(html).group(0)[:200]}"


def public_pages() -> list[str]:
    """One live page of every page type, in Dutch and in English."""
    paths = []
    for language in ("nl", "en"):
        seen = set()
        for page in Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific():
            if type(page) not in seen:
                seen.add(type(page))
                paths.append(page.url)
    return paths


def test_every_public_page_type_and_view_has_a_strict_policy(client):
    paths = public_pages()
    assert len(paths) >= 12, paths
    paths += [
        "/zoeken/?q=armoede", "/en/zoeken/?q=poverty", "/zoeken/suggesties/?q=schul",
        "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
        "/doe-mee/", "/doe-mee/DEMO-KIND/", "/doe-mee/DEMO-KIND/klas/DEMO-KLAS/", "/ar/doe-mee/DEMO-KIND/",
        "/doe-mee/DEMO-KIND/resultaten/", "/doe-mee/ONBEKEND/", "/bestaat-niet/", "/healthz/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404, 410), path
        assert_strict(response, path)


def test_every_workspace_page_type_has_a_strict_policy(client):
    client.force_login(User.objects.get(email="beleid@velsen.example"))
    team = Team.objects.get(name__contains="Velsen")
    plan = team.current_plan()
    run = team.survey_runs.get()
    paths = [
        reverse("gemeenten:workspace"), reverse("gemeenten:members", args=[team.pk]), reverse("gemeenten:create_team"),
        reverse("gemeenten:plan", args=[team.pk, plan.cycle]), reverse("gemeenten:changes", args=[team.pk, plan.cycle]),
        *[reverse("gemeenten:worksheet", args=[team.pk, plan.cycle, code]) for code in "1234567c"],
        reverse("gemeenten:peilingen:runs", args=[team.pk]), reverse("gemeenten:peilingen:run", args=[team.pk, run.pk]),
        reverse("gemeenten:peilingen:results", args=[team.pk, run.pk]), reverse("gemeenten:peilingen:review", args=[team.pk, run.pk]),
        reverse("gemeenten:add_indicator", args=[team.pk, plan.cycle]),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_strict(response, path)


def test_only_the_wagtail_admin_allows_inline_scripts_and_frames_of_its_own():
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(email="redacteur@nji.example"))
    response = client.get("/admin/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert_strict(client.get("/"), "/")
