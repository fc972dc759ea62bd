"""Names, addresses and the socket module's own answers, through the system's resolver.

Only /etc/hosts names and numeric addresses are looked up, so no query leaves the machine.
"""

import asyncio
import ipaddress
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.net.lookup.names import (
    describe_lookup_error,
    forward_lookup,
    host_names,
    reverse_lookup,
    tutorial_calls,
)
from netbench.net.lookup.sockcalls import (
    address_calls,
    calculate,
    inet_aton_meaning,
    service_calls,
)


def test_localhost_comes_from_the_hosts_file_in_the_system_order():
    result = asyncio.run(forward_lookup("localhost"))
    expected = socket.getaddrinfo("localhost", None, flags=socket.AI_CANONNAME)
    assert result.error is None
    assert [(i.address, i.socktype) for i in result.infos] == [
        (row[4][0], row[1].name) for row in expected
    ]
    assert [i.index for i in result.infos] == list(range(1, len(expected) + 1))
    assert "127.0.0.1" in result.addresses
    assert result.canonical_name == "localhost"
    assert "1. " in result.to_text()


def test_the_tutorial_calls_show_exactly_what_python_prints():
    calls = asyncio.run(tutorial_calls("localhost"))
    assert [c.call for c in calls] == [
        "socket.gethostbyname('localhost')",
        "socket.gethostbyname_ex('localhost')",
        "socket.gethostbyaddr('localhost')",
    ]
    assert calls[0].result == repr(socket.gethostbyname("localhost"))
    assert calls[1].result == repr(socket.gethostbyname_ex("localhost"))


def test_reverse_lookup_of_loopback():
    result = asyncio.run(reverse_lookup("127.0.0.1"))
    assert result.name == socket.getnameinfo(("127.0.0.1", 0), socket.NI_NAMEREQD)[0]
    assert result.error is None


def test_a_name_that_is_not_a_number_says_no_such_name():
    async def numeric_only():
        loop = asyncio.get_running_loop()
        await loop.getaddrinfo("not-a-number", None, flags=socket.AI_NUMERICHOST)

    with pytest.raises(socket.gaierror) as caught:
        asyncio.run(numeric_only())
    assert describe_lookup_error(caught.value, "not-a-number").startswith("no such name")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (socket.EAI_NONAME, "no such name"),
        (socket.EAI_AGAIN, "temporary failure"),
        (socket.EAI_FAIL, "permanent error"),
        (getattr(socket, "EAI_NODATA", -5), "no data of that type"),
        (getattr(socket, "EAI_ADDRFAMILY", -9), "no data of that type"),
    ],
)
def test_resolver_errors_in_their_own_words(code, words):
    text = describe_lookup_error(socket.gaierror(code, "the library's words"), "example.test")
    assert words in text and "the library's words" in text
    assert "timed out" in describe_lookup_error(TimeoutError(), "x")


def test_host_names():
    names = asyncio.run(host_names())
    assert names.hostname == socket.gethostname() and names.fqdn


def test_inet_calls_show_the_reprs():
    calls = address_calls("127.1")
    assert calls[0].to_text() == ">>> socket.inet_aton('127.1')\nb'\\x7f\\x00\\x00\\x01'"
    assert calls[1].result == "'127.0.0.1'"
    assert calls[2].call == "socket.inet_pton(socket.AF_INET, '127.1')"
    assert calls[2].error.startswith("OSError(")
    six = address_calls("::1")
    assert (
        six[-1].call.startswith("socket.inet_ntop(socket.AF_INET6, ") and six[-1].result == "'::1'"
    )


def test_getservbyname_exact_results():
    calls = service_calls("mysql")
    assert [c.to_text() for c in calls] == [
        ">>> socket.getservbyname('mysql')\n3306",
        ">>> socket.getservbyname('mysql', 'tcp')\n3306",
    ]
    assert service_calls("3306")[0].result == "'mysql'"


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("127.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("192.168.1", "192.168.0.1"),
        ("010.1.1.1", "8.1.1.1"),
    ],
)
def test_lenient_forms_show_what_they_really_mean(typed, meaning):
    report = calculate(typed)
    assert str(report.address) == meaning == report.lenient_meaning
    assert len(report.warnings) == 1 and "octal" in report.warnings[0]


@given(st.integers(0, 2**32 - 1))
def test_inet_aton_and_ipaddress_agree_on_dotted_quads(value):
    address = ipaddress.IPv4Address(value)
    assert socket.inet_aton(str(address)) == address.packed
    assert socket.inet_ntoa(address.packed) == str(address)
    assert inet_aton_meaning(str(address)) == str(address)
    assert calculate(str(address)).lenient_meaning is None


@given(st.integers(0, 2**32 - 1))
def test_the_integer_form_means_what_inet_aton_says(value):
    assert calculate(str(value)).address == ipaddress.IPv4Address(socket.inet_aton(str(value)))
