"""While the database is unreachable (as during a restart), a child who presses Send is told to try again, the
answers stay in the form, nothing is half-saved, and trying again once the database is back stores one response."""

from contextlib import contextmanager
from pathlib import Path

import environ
import psycopg
import pytest
from playwright.sync_api import expect

from tests.browser.test_survey import RUN, answer_everything, phone, server_shell


@contextmanager
def database_down(server_database):
    """PostgreSQL refuses every connection to the server's database; a SQLite file is moved away (a new connection
    then finds an empty database). The browser server opens a connection per request, as a restart forces."""
    if server_database.startswith("postgres"):
        config = environ.Env.db_url_config(server_database)
        admin = f"host={config['HOST']} port={config['PORT'] or 5432} user={config['USER']} dbname=postgres"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'ALTER DATABASE "{config["NAME"]}" ALLOW_CONNECTIONS false')
            connection.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [config["NAME"]])
        try:
            yield
        finally:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'ALTER DATABASE "{config["NAME"]}" ALLOW_CONNECTIONS true')
    else:
        path = Path(server_database.removeprefix("sqlite:///"))
        files = [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]
        moved = [(file, file.with_name(file.name + ".away")) for file in files if file.exists()]
        for file, away in moved:
            file.rename(away)
        try:
            yield
        finally:
            for file in files:
                file.unlink(missing_ok=True)  # the empty database a request made meanwhile
            for file, away in moved:
                away.rename(file)


def responses(server_database) -> int:
    return int(server_shell(server_database, f"from participatie.models import Response; "
                                             f"print(Response.objects.filter(run__code='{RUN}').count())"))


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_send_during_an_outage_keeps_the_answers_and_a_retry_stores_once(browser, base_url, server_database, javascript):
    before = responses(server_database)
    context, page = phone(browser, base_url, javascript=javascript)
    page.goto(f"/doe-mee/{RUN}/")
    answer_everything(page)
    with database_down(server_database):
        page.locator("[data-send]").click()
        if javascript:
            failed = page.locator("[data-send-failed]")
            expect(failed).to_be_visible()
            expect(failed).to_contain_text("Wacht een minuutje")
            expect(page.locator("[data-screen]:not([hidden]) [data-send]")).to_be_visible()
        else:
            expect(page.get_by_role("heading", level=1)).to_have_text("Probeer het zo opnieuw")
            assert page.locator('input[type="hidden"][name^="q-"]').count() >= 10, "every answer is in the form"
        opening = context.new_page().goto(f"/doe-mee/{RUN}/")
        assert opening.status == 503 and "kan nu niet worden geopend" in opening.text()
    assert responses(server_database) == before, "nothing half-saved"
    if javascript:
        page.locator("[data-retry]").click()
    else:
        page.get_by_role("button", name="Probeer opnieuw").click()
    expect(page).to_have_url(f"{base_url}/doe-mee/{RUN}/bedankt/")
    assert responses(server_database) == before + 1
    context.close()
