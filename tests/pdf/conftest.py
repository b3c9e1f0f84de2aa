"""Fixtures for the print and PDF tests (issue 4); helpers are in tests/pdf/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.pdf import build_pdfs, group_by_role
from tests.pdf.helpers import ARTIFACTS, CHAPTERS, DOCS


# ---- fixtures -----------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return DOCS


@pytest.fixture(scope="session")
def chapters():
    return CHAPTERS


@pytest.fixture(scope="session")
def groups():
    return group_by_role(CHAPTERS, DOCS)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Every PDF, built once: (site dir, BuildResult)."""
    site = tmp_path_factory.mktemp("site")
    result = build_pdfs(DOCS, site, cache_dir=tmp_path_factory.mktemp("pdf-cache"))
    return site, result


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
