"""What the sending tests share: a user data directory of their own for every test."""

import pytest
from helpers import own_data_dir


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test has its own user data directory, so its saved messages are its own."""
    return own_data_dir(tmp_path, monkeypatch)


@pytest.fixture
def snippets_file(data_dir):
    return data_dir / "snippets.json"
