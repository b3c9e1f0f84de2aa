import pytest

from tests.repo import copy_repo


@pytest.fixture
def repo_copy(tmp_path):
    """A copy of the repository's sources, rules, code and docs/ to build in."""
    return copy_repo(tmp_path / "repo")
