"""Run the portal under gunicorn in a subprocess, as production does."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 30 + "a-long-random-production-secret-key-for-the-check",
    "ALLOWED_HOSTS": "armoede.example.nl",
    "EMAIL_URL": "smtp+tls://mailer:geheim@smtp.example.nl:587",
    "DEFAULT_FROM_EMAIL": "Armoede-aanpak <noreply@armoede.example.nl>",
    "WAGTAILADMIN_BASE_URL": "https://armoede.example.nl",
}


def run(args, env):
    clean = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True)


def django_process(code: str, database_url: str, env: dict | None = None):
    """Run code in a Python process of its own with Django set up on database_url (the test settings), as a task
    worker or a second app server is; returns the last line it printed, read as JSON."""
    script = f"import django, json\ndjango.setup()\n{code}"
    result = run(["-c", script], {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": database_url,
                                  **(env or {})})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url, extra_env=None):
    """Start gunicorn on a free port, with the test settings unless extra_env names others; returns (process, base URL)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": database_url, **(extra_env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"],  # the rest: gunicorn.conf.py
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base_url}/healthz/", timeout=2)
            return process, base_url
        except urllib.error.HTTPError:
            return process, base_url  # it answers, if not with 200
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}")
