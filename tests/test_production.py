"""With the production settings the site collects its static files under hashed names and serves pages."""

import re
import sqlite3
import urllib.request

from tests.server import PRODUCTION_ENV, run, start_server


def test_production_collects_static_files_and_serves_the_demo(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'production.sqlite3'}"
    env = {
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": database_url,
    }
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        result = run(["manage.py", *command], env)
        assert result.returncode == 0, result.stdout + result.stderr
    # Without DEBUG the demo accounts, whose password is published, are not created.
    assert "0 demo accounts" in run(["manage.py", "load_demo"], env).stdout
    assert (tmp_path / "static" / "staticfiles.json").exists()

    process, base_url = start_server(database_url, env)
    try:
        page = urllib.request.urlopen(f"{base_url}/stappenplan/", timeout=10).read().decode()
        stylesheet = re.search(r'href="(/static/portal/css/portal\.[0-9a-f]{12}\.css)"', page)
        assert stylesheet, "static files are served under hashed names"
        with urllib.request.urlopen(f"{base_url}{stylesheet.group(1)}", timeout=10) as response:
            assert response.status == 200
            assert "max-age=315360000" in response.headers["Cache-Control"]
        for encoding in ("br", "gzip"):
            request = urllib.request.Request(f"{base_url}{stylesheet.group(1)}", headers={"Accept-Encoding": encoding})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.headers["Content-Encoding"] == encoding, "served compressed, as collected"
        for _again in range(2):
            urllib.request.urlopen(f"{base_url}/zoeken/?q=armoedemonitor", timeout=30).read()
    finally:
        process.terminate()
        process.wait(timeout=10)
    # Searches are counted in the workers' memory; a worker that stops writes its counts.
    with sqlite3.connect(tmp_path / "production.sqlite3") as database:
        assert database.execute("SELECT SUM(searches) FROM search_searchterm WHERE query = 'armoedemonitor'").fetchone() == (2,)
