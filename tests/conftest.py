"""Test setup: offscreen Qt, settings and logs in a throwaway home, a running qasync loop,
TLS certificates."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
# QSettings and the log directory follow the XDG variables: keep the user's own untouched.
_home = tempfile.mkdtemp(prefix="netbench-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = os.path.join(_home, _var.lower())

import pytest  # noqa: E402

T = TypeVar("T")


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop that counts as running while qtbot waits process Qt events."""
    from netbench.ui.runtime.qtloop import attach_running_loop

    qapp.setOrganizationName("netbench-tests")
    qapp.setApplicationName("netbench-tests")
    loop = attach_running_loop(qapp)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.stop()
        asyncio.events._set_running_loop(None)
        loop.close()


def pump_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Process Qt events (and so the qasync loop) until ``predicate`` holds.

    Unlike ``qtbot.waitUntil``, this sleeps between rounds with the GIL released, so an IO
    thread's loop gets to run while the test waits.
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.001)


RunAsync = Callable[..., Any]


@pytest.fixture
def run_async(qloop: asyncio.AbstractEventLoop) -> RunAsync:
    """Run a coroutine on the qasync loop to completion, pumping Qt events meanwhile."""

    def run(coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        task = qloop.create_task(coro)
        pump_until(task.done, timeout)
        return task.result()

    return run


@pytest.fixture
def pump() -> Callable[..., None]:
    return pump_until


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: Any) -> Any:
    """A CA and what it signed, as PEM files: a server certificate for localhost and
    127.0.0.1 (and an expired one), and a client certificate with its key."""
    import datetime

    import trustme

    directory = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    ca.cert_pem.write_to_path(str(directory / "ca.pem"))
    cert.private_key_and_cert_chain_pem.write_to_path(str(directory / "server.pem"))
    expired = ca.issue_cert(
        "localhost",
        "127.0.0.1",
        not_before=datetime.datetime(2020, 1, 1),
        not_after=datetime.datetime(2021, 1, 1),
    )
    expired.private_key_and_cert_chain_pem.write_to_path(str(directory / "expired.pem"))
    client = ca.issue_cert("client.example")
    client.cert_chain_pems[0].write_to_path(str(directory / "client.crt"))
    client.private_key_pem.write_to_path(str(directory / "client.key"))
    return directory


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: Any, tls_files: Any) -> Iterator[Any]:
    """One real nginx for the session (see ``tests/nginx_peer.py``), for the HTTP engine's
    tests and the HTTP tab's; in CI a missing nginx fails instead of skipping."""
    from loopback import CI
    from nginx_peer import have_nginx, start_nginx

    if not have_nginx():
        if CI:
            pytest.fail("nginx is missing: CI must install nginx-light")
        pytest.skip("nginx not installed (CI installs nginx-light)")
    server = start_nginx(
        tmp_path_factory.mktemp("nginx"), tls_files / "server.pem", tls_files / "ca.pem"
    )
    yield server
    server.stop()
