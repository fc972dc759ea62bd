"""DNS queries against the loopback test server, cross-checked with dig."""

import asyncio
import ssl
import subprocess

import dns.message
import dns.query
import pytest
from dns_server import DnsTestServer, delegation_chain
from doh_server import DohTestServer
from loopback import free_port, need

from netbench.net.lookup.dns import (
    COMMON_TYPES,
    DnsOptions,
    Server,
    Transport,
    query,
    query_common,
    reverse_name,
    system_servers,
)
from netbench.net.lookup.dns_chain import follow_cnames
from netbench.net.lookup.dns_trace import trace


@pytest.fixture
def dns_server():
    with DnsTestServer() as server:
        yield server


@pytest.fixture
def server(dns_server):
    return Server("127.0.0.1", dns_server.port)


def ask(name, rdtype, where, **options):
    return asyncio.run(query(name, rdtype, where, DnsOptions(**options)))


def test_an_a_query_shows_sections_ttls_flags_and_raw_bytes(server):
    result = ask("www.test", "A", server)
    assert result.error is None and result.rcode == "NOERROR"
    assert {r.data for r in result.answer} == {"192.0.2.10", "192.0.2.11"}
    assert {r.ttl for r in result.answer} == {300}
    assert set(result.flags) >= {"QR", "AA", "RD", "RA"}
    (attempt,) = result.attempts
    assert attempt.transport is Transport.UDP and not attempt.truncated
    assert dns.message.from_wire(attempt.query_wire).question[0].to_text() == "www.test. IN A"
    assert dns.message.from_wire(attempt.response_wire).answer == result.response.answer
    assert "ANSWER" in attempt.response_text.upper() and "www.test." in result.to_text()
    assert result.edns.startswith("version 0")


@pytest.mark.parametrize(
    ("name", "rdtype", "data"),
    [
        ("www.test", "AAAA", {"2001:db8::10"}),
        ("mx.test", "MX", {"10 mail.test.", "20 backup.test."}),
        ("txt.test", "TXT", {'"v=spf1 -all"', '"hello" "world"'}),
        ("test", "NS", {"ns1.test."}),
        ("_sip._tcp.test", "SRV", {"10 60 5060 sip.test."}),
        ("caa.test", "CAA", {'0 issue "letsencrypt.org"'}),
        ("alias1.test", "CNAME", {"alias2.test."}),
        ("192.0.2.10", "PTR", {"www.test."}),
    ],
)
def test_record_types(server, name, rdtype, data):
    result = ask(name, rdtype, server)
    assert {r.data for r in result.answer if r.rdtype == rdtype} == data


def test_soa_and_reverse_names(server):
    (soa,) = ask("test", "SOA", server).answer
    assert soa.data.startswith("ns1.test. admin.test. 2024010101")
    assert reverse_name("192.0.2.10") == "10.2.0.192.in-addr.arpa."
    assert reverse_name("2001:db8::1").endswith(".8.b.d.0.1.0.0.2.ip6.arpa.")


def test_all_common_types_are_asked_at_once(server, dns_server):
    results = asyncio.run(query_common("www.test", server))
    assert [r.rdtype for r in results] == list(COMMON_TYPES)
    by_type = {r.rdtype: r for r in results}
    assert by_type["A"].answer and by_type["AAAA"].answer
    assert "NODATA" in by_type["MX"].error
    assert "ANY" not in {rdtype for _, _, rdtype in dns_server.queries}


def test_a_truncated_udp_answer_is_retried_over_tcp_and_both_are_kept(server):
    result = ask("big.test", "TXT", server)
    assert [a.transport for a in result.attempts] == [Transport.UDP, Transport.TCP]
    assert result.attempts[0].truncated and not result.attempts[1].truncated
    assert result.retried_over_tcp and len(result.answer) == 8 and result.error is None
    assert "TC" in result.to_text()
    single = ask("x.truncated.test", "A", server, retry_truncated_over_tcp=False)
    assert len(single.attempts) == 1 and "truncated" in single.error


def test_tcp_directly(server, dns_server):
    result = ask("www.test", "A", server, transport=Transport.TCP)
    assert [a.transport for a in result.attempts] == [Transport.TCP] and result.answer
    assert dns_server.queries[-1][0] == "tcp"


@pytest.mark.parametrize(
    ("name", "rcode", "words"),
    [
        ("nope.test", "NXDOMAIN", "no such name: nope.test does not exist (NXDOMAIN)"),
        ("www.test", "NOERROR", "www.test exists, but has no MX records (NODATA)"),
        ("a.servfail.test", "SERVFAIL", "the server failed to answer"),
        ("a.refused.test", "REFUSED", "the server refused to answer"),
    ],
)
def test_dns_errors_in_their_own_words(server, name, rcode, words):
    result = ask(name, "MX" if rcode == "NOERROR" else "A", server)
    assert result.rcode == rcode
    assert words in result.error


def test_a_silent_server_times_out(server):
    result = ask("x.silent.test", "A", server, timeout=0.3)
    assert result.error == f"no answer from {server} within 0.3 s (timeout)"
    assert result.attempts[0].response_wire is None


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP])
def test_a_closed_port_is_connection_refused(transport):
    port = free_port()
    result = ask("www.test", "A", Server("127.0.0.1", port), transport=transport, timeout=2)
    assert result.error.startswith("connection refused by 127.0.0.1")
    assert result.seconds < 1


def test_edns_do_and_recursion_options_reach_the_wire(server):
    result = ask("www.test", "A", server, edns_payload=4096, dnssec_ok=True, recursion=False)
    sent = dns.message.from_wire(result.attempts[0].query_wire)
    assert sent.payload == 4096 and sent.ednsflags & dns.flags.DO
    assert not sent.flags & dns.flags.RD
    plain = ask("www.test", "A", server, edns_payload=None)
    assert dns.message.from_wire(plain.attempts[0].query_wire).edns == -1


def test_a_cname_chain_is_shown_link_by_link(server, dns_server):
    chain = asyncio.run(follow_cnames("alias1.test", "A", server))
    assert chain.links == (("alias1.test.", "alias2.test."), ("alias2.test.", "www.test."))
    assert {r.data for r in chain.records} == {"192.0.2.10", "192.0.2.11"}
    assert len(chain.queries) == 1  # the server sent the whole chain
    assert chain.to_text().startswith("alias1.test -> alias2.test. -> www.test. -> 192.0.2.1")
    dns_server.chase_cnames = False
    chain = asyncio.run(follow_cnames("alias1.test", "A", server))
    assert len(chain.queries) == 3 and len(chain.links) == 2 and chain.records


def test_a_cname_loop_is_reported(server):
    chain = asyncio.run(follow_cnames("loop1.test", "A", server))
    assert "loops" in chain.error


def test_trace_follows_referrals_from_the_given_roots():
    with delegation_chain() as (roots, port):
        result = asyncio.run(trace("www.example.test", "A", roots=roots, port=port))
    assert result.error is None
    assert [s.zone for s in result.steps] == [".", "test.", "example.test."]
    assert [s.referral for s in result.steps] == ["test.", "example.test.", ""]
    assert [s.result.server.address for s in result.steps] == [
        "127.0.0.1",
        "127.0.0.2",
        "127.0.0.3",
    ]
    assert [r.data for r in result.final.answer] == ["192.0.2.80"]
    assert all("RD" not in s.result.flags for s in result.steps)
    assert "example.test." in result.to_text()


def test_trace_says_when_no_root_answers():
    result = asyncio.run(
        trace(
            "www.test",
            roots=[("r.test.", "127.0.0.1")],
            port=free_port(),
            options=DnsOptions(timeout=0.5),
        )
    )
    assert result.error == "no server of . answered" and len(result.steps) == 1


def test_dns_over_tls(tls_files):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(tls_files / "server.pem"))
    with DnsTestServer(tls=context) as tls_server:
        where = Server("127.0.0.1", tls_server.tls_port, name="localhost")
        result = ask(
            "www.test", "A", where, transport=Transport.TLS, tls_verify=str(tls_files / "ca.pem")
        )
        assert result.error is None and result.answer
        assert tls_server.queries[-1][0] == "tls"
        untrusted = ask("www.test", "A", where, transport=Transport.TLS, timeout=2)
        assert "certificate" in untrusted.error.lower()


@pytest.fixture
def doh_server(tls_files, dns_server):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(tls_files / "server.pem"))
    context.set_alpn_protocols(["http/1.1"])
    with DohTestServer(dns_server, context) as doh:
        yield doh


def test_dns_over_https(tls_files, dns_server, doh_server):
    ca = str(tls_files / "ca.pem")
    for where in (
        Server("127.0.0.1", doh_server.port),
        Server("127.0.0.1", doh_server.port, name="localhost"),
    ):
        result = ask("mx.test", "MX", where, transport=Transport.HTTPS, tls_verify=ca)
        assert result.error is None, result.error
        assert dns_server.queries[-1] == ("https", "mx.test.", "MX")
        direct = ask("mx.test", "MX", Server("127.0.0.1", dns_server.port))
        assert sorted(r.data for r in result.answer) == sorted(r.data for r in direct.answer)
        assert result.answer
        assert result.attempts[0].transport is Transport.HTTPS
        sent = doh_server.requests[-1]
        assert (sent.method, sent.path) == ("POST", "/dns-query")
        assert sent.headers["content-type"] == "application/dns-message"
        assert sent.headers["accept"] == "application/dns-message"
        assert dns.message.from_wire(sent.body).id == 0  # RFC 8484 4.1
        assert sent.body == result.attempts[0].query_wire
    nxdomain = ask("nope.test", "A", where, transport=Transport.HTTPS, tls_verify=ca)
    assert nxdomain.rcode == "NXDOMAIN"


def test_dns_over_https_failures_are_explained(tls_files, doh_server):
    ca = str(tls_files / "ca.pem")
    where = Server("127.0.0.1", doh_server.port)
    wrong_path = ask(
        "www.test", "A", where, transport=Transport.HTTPS, tls_verify=ca, https_path="/nope"
    )
    assert "HTTP 404" in wrong_path.error, wrong_path.error
    untrusted = ask("www.test", "A", where, transport=Transport.HTTPS, timeout=2)
    assert "certificate" in untrusted.error.lower(), untrusted.error
    refused = ask(
        "www.test", "A", Server("127.0.0.1", free_port()), transport=Transport.HTTPS, timeout=2
    )
    assert refused.response is None and refused.error, refused


def test_system_servers_come_from_the_resolver_config():
    servers = system_servers()
    assert all(s.port == 53 for s in servers)


@pytest.mark.parametrize(
    ("name", "rdtype"), [("www.test", "A"), ("mx.test", "MX"), ("big.test", "TXT")]
)
def test_answers_match_dig(dns_server, server, name, rdtype):
    need("dig")
    out = subprocess.run(
        [
            "dig",
            "@127.0.0.1",
            "-p",
            str(dns_server.port),
            "+short",
            "+time=2",
            "+tries=1",
            name,
            rdtype,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout
    ours = ask(name, rdtype, server)
    assert sorted(out.split("\n")[:-1]) == sorted(r.data for r in ours.answer)
