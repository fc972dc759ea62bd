"""Fixtures for the HTTP engine's tests: a real nginx (see ``tests/nginx_peer.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import CI
from nginx_peer import Nginx, have_nginx, start_nginx


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: Any, tls_files: Path) -> Iterator[Nginx]:
    """One nginx for the session; in CI a missing nginx fails instead of skipping."""
    if not have_nginx():
        if CI:
            pytest.fail("nginx is missing: CI must install nginx-light")
        pytest.skip("nginx not installed (CI installs nginx-light)")
    server = start_nginx(
        tmp_path_factory.mktemp("nginx"), tls_files / "server.pem", tls_files / "ca.pem"
    )
    yield server
    server.stop()
