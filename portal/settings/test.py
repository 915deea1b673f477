"""Test settings: production behaviour (debug off, second factor on) with fast, local services."""

from .base import *  # noqa: F403
from .base import env

# The test settings only.
SECRET_KEY = "test-only-secret-key"  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not env("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "data" / "test-media")  # noqa: F405
SURVEY_MIN_SECONDS = env.int("SURVEY_MIN_SECONDS", default=1)
