"""Fixtures for the site tests (issue 3): one strict MkDocs build of the repository as it is, served on
127.0.0.1, and one Chromium (Playwright) for the whole session.

The chapters are those of the fixture repository (tests/repo.py: the pinned seeds, built once in a
temporary directory), never the live docs/. Markers: `site` (needs the built site), `browser` (also needs Chromium).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.helpers import ARTIFACTS, DESKTOP, PHONE, BuiltChapter, load_chapters


def pytest_configure(config):
    config.addinivalue_line("markers", "site: builds the handbook site with mkdocs (tests/site)")
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright (tests/site)")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.site)


# ---- the chapters, read from docs/ as the pipeline wrote them -----------------------------------------

@pytest.fixture(scope="session")
def chapters() -> list[BuiltChapter]:
    found = load_chapters()
    # the pinned seeds always give chapters: none means the build broke, never a reason to skip
    assert found, "the fixture repository's docs/ holds no chapters"
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class Requests(list):
    """Every URL the browser asked for in one context."""

    def outside(self, base: str) -> list[str]:
        return [u for u in self if not (u.startswith(base) or u.startswith(("data:", "blob:", "about:")))]


def _context(browser, viewport, **kwargs):
    context = browser.new_context(viewport=viewport, locale="zh-CN", **kwargs)
    requests = Requests()
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.requests = requests  # type: ignore[attr-defined]
    return context, page


@pytest.fixture
def page(browser):
    """A desktop-sized page; `page.requests` records every request."""
    context, pg = _context(browser, DESKTOP)
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page (390×844, touch, device scale 2)."""
    context, pg = _context(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield pg
    context.close()
