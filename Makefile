# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
UV_PIN := $(shell grep -m1 '^uv==' requirements.lock | cut -d' ' -f1)

.PHONY: install run test services services-stop lock messages

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check $(UV_PIN)

# Bytecode is compiled once here: every process then imports it rather than compiling Django and Wagtail from
# source, which costs start-up time and, in each worker, memory (also where PYTHONDONTWRITEBYTECODE is set).
$(VENV)/.synced: requirements.lock | $(BIN)/uv
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.synced node_modules/.installed
	$(BIN)/python -m compileall -q -j 0 portal gemeenten participatie search stappen voorbeelden links
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity=0

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

# PostgreSQL, Redis and an OpenSearch node on 127.0.0.1, plus the Debian packages the tests use (services/up).
services:
	services/up

services-stop:
	services/down

# pytest exits 5 when a selection holds no tests; say so rather than fail or pass silently.
test: install services
	$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$status

# Maintainers: after changing dependencies in pyproject.toml, refresh the hash-pinned lock file.
lock: $(BIN)/uv
	$(BIN)/uv lock --quiet
	$(BIN)/uv export --quiet --format requirements-txt --group dev --no-header --no-annotate -o requirements.lock

messages: install
	$(BIN)/python manage.py makemessages --locale=nl --locale=en --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench
	$(BIN)/python manage.py survey_messages
