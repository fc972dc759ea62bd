"""The DNS page against a real DNS server on loopback (tests/dns_server.py)."""

import pytest
from dns_server import DnsTestServer, delegation_chain
from helpers import find

from netbench.net.lookup.dns_chain import CnameChain


@pytest.fixture
def dns_server():
    with DnsTestServer() as server:
        yield server


def ask(lookup, pump, server, name, rdtype="A", mode="query"):
    page = lookup.show_page("dns")
    page.last_answer = None
    find(lookup, "lookup.query").setText(name)
    kind = find(lookup, "lookup.kind")
    kind.setCurrentIndex(kind.findData(rdtype))
    page.mode.setCurrentIndex(page.mode.findData(mode))
    find(lookup, "lookup.server").setText(f"127.0.0.1:{server.port}")
    find(lookup, "lookup.run").click()
    pump(lambda: page.last_answer is not None, 8)
    return page


def table_rows(table):
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_an_answer_shows_records_ttls_flags_rcode_and_server(lookup, pump, dns_server):
    page = ask(lookup, pump, dns_server, "www.test")
    rows = table_rows(find(lookup, "lookup.results"))
    data = sorted(row[6] for row in rows if row[1] == "answer")
    assert data == ["192.0.2.10", "192.0.2.11"]
    assert all(row[3] == "300" and row[5] == "A" for row in rows if row[1] == "answer")
    summary = page.summary.text()
    assert "NOERROR" in summary
    assert "AA=1" in summary and "RD=1" in summary and "RA=1" in summary and "TC=0" in summary
    assert f"127.0.0.1:{dns_server.port} over UDP" in summary
    assert "Query time" in summary
    assert page.error.text() == ""
    assert "00000000" in page.hex.toPlainText()
    assert ";; ANSWER" in page.dig_text.toPlainText() or "ANSWER" in page.dig_text.toPlainText()
    assert "www.test." in page.log.text()


def test_nxdomain_and_servfail_are_worded(lookup, pump, dns_server):
    page = ask(lookup, pump, dns_server, "nothing.test")
    assert "NXDOMAIN" in page.summary.text()
    assert "no such name: nothing.test does not exist (NXDOMAIN)" in page.error.text()
    page = ask(lookup, pump, dns_server, "x.servfail.test")
    assert "SERVFAIL" in page.summary.text()
    assert "the server failed to answer" in page.error.text()


def test_a_truncated_answer_is_asked_again_over_tcp(lookup, pump, dns_server):
    page = ask(lookup, pump, dns_server, "x.truncated.test")
    assert "truncated (TC): asked again over TCP" in page.summary.text()
    assert "over TCP" in page.summary.text()
    assert [r[6] for r in table_rows(page.results)] == ["192.0.2.99"]
    hex_text = page.hex.toPlainText()
    assert "attempt 1 over UDP: response" in hex_text and "(TC: truncated)" in hex_text
    assert "attempt 2 over TCP: response" in hex_text
    assert [q[0] for q in dns_server.queries] == ["udp", "tcp"]


def test_all_common_types_and_the_cname_chain(lookup, pump, dns_server):
    page = ask(lookup, pump, dns_server, "www.test", rdtype="ALL")
    types = {row[5] for row in table_rows(page.results) if row[1] == "answer"}
    assert {"A", "AAAA"} <= types
    assert "has no MX records (NODATA)" in page.error.text()
    page = ask(lookup, pump, dns_server, "alias1.test", mode="chain")
    assert isinstance(page.last_answer, CnameChain)
    assert "alias1.test. → alias2.test. → www.test. → " in page.summary.text()
    assert "192.0.2.10" in page.summary.text()


def test_a_trace_walks_the_referrals(lookup, pump):
    with delegation_chain() as (roots, port):
        page = lookup.show_page("dns")
        find(lookup, "lookup.query").setText("www.example.test")
        page.kind.setCurrentIndex(page.kind.findData("A"))
        page.mode.setCurrentIndex(page.mode.findData("trace"))
        find(lookup, "lookup.server").setText(f"{roots[0][1]}:{port}")
        page.last_answer = None
        find(lookup, "lookup.run").click()
        pump(lambda: page.last_answer is not None, 8)
    assert "Trace: 3 steps: . → test. → example.test." in page.summary.text()
    assert "192.0.2.80" in [row[6] for row in table_rows(page.results)]


def test_a_bad_server_port_is_shown_without_asking(lookup, dns_server):
    page = lookup.show_page("dns")
    find(lookup, "lookup.server").setText("127.0.0.1:99999")
    find(lookup, "lookup.run").click()
    assert "99999 is not a port" in page.error.text()
    assert not page.busy


def test_the_history_copies_and_exports(lookup, pump, dns_server, tmp_path):
    from PySide6.QtGui import QGuiApplication

    page = ask(lookup, pump, dns_server, "www.test")
    ask(lookup, pump, dns_server, "mx.test", rdtype="MX")
    history = page.log.text()
    assert "192.0.2.10" in history and "mail.test." in history
    find(lookup, "lookup.dns_copy").click()
    assert QGuiApplication.clipboard().text() == history
    assert page.log.status.text() == "Copied"

    find(lookup, "lookup.dns_export").click()
    dialog = page.log.dialogs.current  # non-modal: the click came back with it open
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "lookup.dns_export_dialog"
    path = tmp_path / "history.txt"
    dialog.fileSelected.emit(str(path))
    dialog.close()
    assert path.read_text(encoding="utf-8") == history
    assert page.log.status.text() == f"Saved to {path}"

    find(lookup, "lookup.dns_export").click()
    dialog = page.log.dialogs.current
    dialog.fileSelected.emit(str(tmp_path / "no such folder" / "history.txt"))
    dialog.close()
    assert page.log.status.text().startswith("Not saved: ")
    find(lookup, "lookup.dns_clear").click()
    assert page.log.text() == ""


def choose_transport(lookup, transport):
    box = find(lookup, "lookup.transport")
    box.setCurrentIndex(box.findData(transport))


def test_dns_over_tls_and_https_through_the_page(lookup, pump, tls_files, monkeypatch):
    """The system's trust store is the test CA's (SSL_CERT_FILE), as a user's would hold
    their resolver's; without it the certificate is refused, and the page says so."""
    import ssl

    from doh_server import DohTestServer

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(tls_files / "server.pem"))
    with DnsTestServer(tls=context) as server, DohTestServer(server, context) as doh:
        page = lookup.show_page("dns")
        for transport, port in (("tls", server.tls_port), ("https", doh.port)):
            monkeypatch.setenv("SSL_CERT_FILE", str(tls_files / "ca.pem"))
            choose_transport(lookup, transport)
            find(lookup, "lookup.timeout").setValue(3)
            page.last_answer = None
            find(lookup, "lookup.query").setText("www.test")
            kind = find(lookup, "lookup.kind")
            kind.setCurrentIndex(kind.findData("A"))
            find(lookup, "lookup.server").setText(f"127.0.0.1:{port}")
            find(lookup, "lookup.run").click()
            pump(lambda: page.last_answer is not None, 8)
            assert page.error.text() == "", page.error.text()
            rows = table_rows(find(lookup, "lookup.results"))
            assert sorted(r[6] for r in rows if r[1] == "answer") == ["192.0.2.10", "192.0.2.11"]
            assert f"over {transport.upper()}" in page.summary.text()
            assert server.queries[-1] == (transport, "www.test.", "A")

            monkeypatch.setenv("SSL_CERT_FILE", str(tls_files / "nothing.pem"))
            page.last_answer = None
            find(lookup, "lookup.run").click()
            pump(lambda: page.last_answer is not None, 8)
            assert "certificate" in page.error.text().lower(), page.error.text()
