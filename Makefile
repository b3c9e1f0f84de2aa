# Two commands set up a fresh machine: `make site` builds the handbook, `make test` runs the tests.
PY := .venv/bin/python
VENV_STAMP := .venv/.installed

.PHONY: site content serve test bench clean

$(VENV_STAMP): requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install --quiet -r requirements.txt
	@command -v chromium >/dev/null || command -v pdftoppm >/dev/null && command -v chromium >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq chromium poppler-utils >/dev/null)
	touch $@

content: $(VENV_STAMP)
	$(PY) build_content.py

site: content
	$(PY) -m mkdocs build --strict

serve: content
	$(PY) -m mkdocs serve

test: $(VENV_STAMP)
	$(PY) -m pytest -q tests

bench: $(VENV_STAMP)
	$(PY) bench/run.py

clean:
	rm -rf site build
