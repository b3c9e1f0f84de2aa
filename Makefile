# Two commands set up a fresh machine: `make site` builds the handbook, `make test` runs the tests.
PY := .venv/bin/python
VENV_STAMP := .venv/.installed
DEBIAN_PACKAGES := chromium poppler-utils fonts-noto-cjk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site content serve test bench clean

$(VENV_STAMP): requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install --quiet -r requirements.txt
	@# the browser tests use Debian's chromium with a system CJK font; pdftoppm renders PDF pages
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

test: $(VENV_STAMP)
	$(PY) -m pytest -q tests

bench: $(VENV_STAMP)
	$(PY) bench/run.py

clean:
	rm -rf site build
