"""Settings come from the environment; production refuses to start without its security variables."""

import json

import pytest

from tests.server import PRODUCTION_ENV, run

def setting(name, env):
    code = f"import django, json; django.setup(); from django.conf import settings; print(json.dumps(settings.{name}, default=str))"
    result = run(["-c", code], {"DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_deploy_check_is_clean_in_production():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "DEFAULT_FROM_EMAIL", "WAGTAILADMIN_BASE_URL"])
@pytest.mark.parametrize("how", ["unset", "empty"])
def test_production_fails_at_start_without_a_required_variable(missing, how):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    if how == "empty":
        env[missing] = ""
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_production_has_debug_off_and_second_factor_on():
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.PORTAL_ADMIN_REQUIRES_MFA)"
    result = run(["-c", code], {**PRODUCTION_ENV, "DEBUG": "true", "PORTAL_ADMIN_REQUIRES_MFA": "false"})
    assert result.stdout.split() == ["False", "True"]


def test_defaults_are_sqlite_database_search_and_local_memory_cache():
    assert setting("DATABASES['default']['ENGINE']", {}) == "django.db.backends.sqlite3"
    assert setting("DATABASES['default']['NAME']", {}).endswith("data/portal.sqlite3")
    assert setting("WAGTAILSEARCH_BACKENDS['default']['BACKEND']", {}) == "wagtail.search.backends.database"
    assert setting("CACHES['default']['BACKEND']", {}) == "django.core.cache.backends.locmem.LocMemCache"


def test_environment_selects_postgres_elasticsearch_and_redis():
    env = {
        "DATABASE_URL": "postgres://portal@db.internal:5432/portal",
        "ELASTICSEARCH_URL": "http://search.internal:9200",
        "REDIS_URL": "redis://cache.internal:6379/1",
    }
    assert setting("DATABASES['default']['ENGINE']", env) == "django.db.backends.postgresql"
    search = setting("WAGTAILSEARCH_BACKENDS['default']", env)
    assert search["BACKEND"] == "modelsearch.backends.elasticsearch8"
    assert search["URLS"] == ["http://search.internal:9200"]
    cache = setting("CACHES['default']", env)
    assert cache["BACKEND"] == "portal.cache.RedisWithLocalFallback" and cache["LOCATION"] == "redis://cache.internal:6379/1"
    assert setting("SESSION_ENGINE", env) == "django.contrib.sessions.backends.cached_db"


def test_email_url_configures_smtp():
    env = {"EMAIL_URL": "smtp+tls://mailer:geheim@smtp.example.nl:587"}
    assert setting("EMAIL_BACKEND", env) == "django.core.mail.backends.smtp.EmailBackend"
    assert setting("EMAIL_HOST", env) == "smtp.example.nl"
    assert setting("EMAIL_USE_TLS", env) is True


def test_scale_out_parts_are_configuration():
    env = {
        "DATABASE_URL": "postgres://portal@primary.internal:5432/portal",
        "DATABASE_REPLICA_URL": "postgres://portal@replica.internal:5432/portal",
        "MEDIA_S3_BUCKET": "armoede-media", "MEDIA_S3_ENDPOINT_URL": "https://s3.example.nl",
        "MEDIA_S3_CUSTOM_DOMAIN": "media.armoede.example.nl",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "FRONTEND_CACHE_URL": "http://varnish.internal:6081",
        "PUBLIC_PAGES_SHARED_MAX_AGE": "300",
    }
    databases = setting("DATABASES", env)
    assert databases["replica"]["HOST"] == "replica.internal" and databases["default"]["HOST"] == "primary.internal"
    assert setting("DATABASE_ROUTERS", env) == ["portal.replica.ReplicaRouter"]
    media = setting("STORAGES['default']", env)
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "armoede-media" and media["OPTIONS"]["querystring_auth"] is False
    assert "https://media.armoede.example.nl" in setting("CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']", env)
    assert setting("TASKS['default']['BACKEND']", env) == "django_tasks_db.DatabaseBackend"
    assert setting("WAGTAILFRONTENDCACHE['default']['LOCATION']", env) == "http://varnish.internal:6081"
    assert setting("PUBLIC_PAGES_SHARED_MAX_AGE", env) == 300
    assert "replica" not in setting("DATABASES", {})
