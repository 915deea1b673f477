"""Settings shared by every environment; each value comes from the environment first.

`DEBUG` is off here. Development turns it on in `dev.py`; production (`production.py`)
refuses to start without its security variables.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

from .search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal",
    "stappen",
    "voorbeelden",
    "gemeenten",
    "participatie",
    "search",
    "links",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    # Purges a published page from a CDN or caching proxy when WAGTAILFRONTENDCACHE names one; idle otherwise.
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "portal.apps.PortalStaticFilesConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.middleware.SurveyOnlyLanguagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.AdminSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite under data/ unless DATABASE_URL names another.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'data' / 'portal.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A read replica for reports (survey results, exports): portal.replica decides which reads go there.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**env.db("DATABASE_REPLICA_URL"), "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"]}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["portal.replica.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; the timeout absorbs short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise. While Redis cannot be reached, each process uses
# its own memory instead (portal.cache) and the site keeps serving.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisWithLocalFallback",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Sessions are read from Redis and kept in the database too, so that no one is signed out when it is down.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages for anonymous visitors are served from that cache (portal.page_cache); a CDN in front may keep
# them this many seconds (Wagtail's front-end cache invalidation purges a page when it is published).
PUBLIC_PAGES_SHARED_MAX_AGE = env.int("PUBLIC_PAGES_SHARED_MAX_AGE", default=0)

# Search: the database backend unless OPENSEARCH_URL or ELASTICSEARCH_URL names a search engine (settings/search.py).
WAGTAILSEARCH_BACKENDS, SEARCH_ENGINE_PROBLEM = search_backends(env)
# After the engine fails, the database ranks for this many seconds before the engine is asked again.
SEARCH_RETRY_AFTER = env.float("SEARCH_RETRY_AFTER", default=30.0)

# Background work: run at once unless a worker backend is configured; with
# TASKS_BACKEND=django_tasks_db.DatabaseBackend, `manage.py db_worker` processes run it (docs/deploy.md).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# E-mail: printed to the console unless EMAIL_URL names an SMTP server. With a worker backend for tasks, requests
# queue their messages and the worker sends them (portal.mail), so no request waits on the mail server.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
if TASKS["default"]["BACKEND"] != "django_tasks.backends.immediate.ImmediateBackend":
    QUEUED_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821  (set by the line above)
    EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Armoede-aanpak <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Accounts
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# After logging in without a `next`: editors to the admin, team members to their workspace, others home.
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Armoede-aanpak] "
# Attempts per minute (m), hour (h) or given seconds, counted in the cache per network address (ip), account (user)
# or e-mail address (key); beyond them allauth answers 429. Our own invitation links use the same mechanism.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip,100/h/ip",
    # Rates, not passwords (bandit reads any value under a key with "password" in it as one).
    "reset_password": "20/m/ip,5/m/key",  # nosec B105
    "reset_password_from_key": "20/m/ip",  # nosec B105
    "reauthenticate": "10/m/user",
    "accept_invitation": "10/m/user,30/m/ip",
}
# Behind a proxy or load balancer, the client's address is this many entries from the end of X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Armoede-aanpak NJi"
# Editors and administrators must enrol a second factor before they can use the admin.
PORTAL_ADMIN_REQUIRES_MFA = env.bool("PORTAL_ADMIN_REQUIRES_MFA", default=True)

# Internationalisation: Dutch first and unprefixed, English under /en/. Surveys for children, youth and
# parents also speak the languages many families in the Netherlands read best; the rest of the site
# answers 404 in those (portal.middleware.SurveyOnlyLanguagesMiddleware).
LANGUAGE_CODE = "nl"
PORTAL_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
SURVEY_LANGUAGES = PORTAL_LANGUAGES + [("ar", "العربية"), ("tr", "Türkçe"), ("pl", "Polski"), ("uk", "Українська")]
LANGUAGES = SURVEY_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = PORTAL_LANGUAGES
LOCALE_PATHS = [PORTAL_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files: our own and the NL Design System packages that npm installs.
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "data" / "static")
STATICFILES_DIRS = [
    ("utrecht/components", BASE_DIR / "node_modules" / "@utrecht" / "component-library-css" / "dist"),
    ("utrecht/tokens", BASE_DIR / "node_modules" / "@utrecht" / "design-tokens" / "dist"),
    ("fonts/noto-sans", BASE_DIR / "node_modules" / "@fontsource-variable" / "noto-sans"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "data" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads (images, documents) in an S3-compatible bucket when MEDIA_S3_BUCKET is set, so that application servers
# keep no files. The bucket (or the domain in front of it) must be publicly readable: cached pages link to it.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_S3_REGION", default=None),
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    MEDIA_ORIGIN = (
        f"https://{STORAGES['default']['OPTIONS']['custom_domain']}" if env("MEDIA_S3_CUSTOM_DOMAIN", default="")
        else env("MEDIA_S3_ENDPOINT_URL", default=f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com")
    )

# A CDN or caching proxy in front: Wagtail purges a page from it the moment the page is published.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
CLOUDFLARE_ZONE_ID = env("CLOUDFLARE_ZONE_ID", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                                        "LOCATION": FRONTEND_CACHE_URL}}
elif CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                                        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"), "ZONEID": CLOUDFLARE_ZONE_ID}}
if FRONTEND_CACHE_URL or CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in PORTAL_LANGUAGES]

# Wagtail
WAGTAIL_SITE_NAME = "Samen armoede-effecten verminderen"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No avatars from Gravatar: the admin makes no requests to other sites and tells them nothing about editors.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# E-mail addresses change through allauth, which verifies them.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Security headers that hold in every environment; production adds HTTPS-only ones.
# Content-Security-Policy: the site's own scripts, styles, fonts and images only, never inline script or style
# (portal.csp loosens it only where the Wagtail admin needs that).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the small icons the NL Design System's CSS carries inline.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if MEDIA_S3_BUCKET:
    for directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(MEDIA_ORIGIN)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# The browser features no page of the portal uses are switched off for every page and anything it might embed.
PERMISSIONS_POLICY = {
    feature: [] for feature in (
        "accelerometer", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "usb", "xr-spatial-tracking",
    )
}
# Wagtail sets SAMEORIGIN itself on its preview views, the only pages shown in a frame.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Surveys: submissions per 10 minutes per class code and per (hashed) network address, and the least
# number of seconds a real respondent needs from opening a survey to sending it.
SURVEY_LIMIT_PER_CLASS = env.int("SURVEY_LIMIT_PER_CLASS", default=60)
SURVEY_LIMIT_PER_ADDRESS = env.int("SURVEY_LIMIT_PER_ADDRESS", default=200)
SURVEY_MIN_SECONDS = env.int("SURVEY_MIN_SECONDS", default=8)

# CBS StatLine's classic OData API, which `manage.py import_cbs --fetch` reads tables from.
CBS_ODATA_URL = env("CBS_ODATA_URL", default="https://opendata.cbs.nl/ODataApi/odata")
