"""The address calculator against the ipaddress module, and its words for bad input."""

import ipaddress
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.errors import PayloadError
from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.addresses import calculate
from netbench.core.lookup.conversions import forms_of, parse_form
from netbench.core.lookup.special_ranges import Kind, special_ranges
from netbench.core.lookup.subnets import (
    MAX_SUBNETS,
    collapse,
    common_supernet,
    parse_networks,
    split,
)


def test_the_lesson_network_names_its_zero_one_and_255():
    report = calculate("192.168.1.0/24")
    assert str(report.network) == "192.168.1.0/24"
    assert str(report.netmask) == "255.255.255.0"
    assert str(report.wildcard) == "0.0.0.255"
    assert str(report.broadcast) == "192.168.1.255"
    assert (str(report.first_host), str(report.last_host)) == ("192.168.1.1", "192.168.1.254")
    assert report.host_count == 254
    assert str(report.gateway) == "192.168.1.1"
    assert report.flags == ("private",)
    assert "RFC 1918" in report.to_text()


@pytest.mark.parametrize(
    ("text", "first", "last", "count", "broadcast"),
    [
        ("10.0.0.0/31", "10.0.0.0", "10.0.0.1", 2, None),
        ("10.0.0.7/32", "10.0.0.7", "10.0.0.7", 1, None),
        ("10.0.0.0/30", "10.0.0.1", "10.0.0.2", 2, "10.0.0.3"),
        ("2001:db8::/127", "2001:db8::", "2001:db8::1", 2, None),
        ("2001:db8::5/128", "2001:db8::5", "2001:db8::5", 1, None),
        ("2001:db8::/126", "2001:db8::1", "2001:db8::3", 3, None),
    ],
)
def test_point_to_point_and_single_host_networks_per_rfc_3021(text, first, last, count, broadcast):
    report = calculate(text)
    assert (str(report.first_host), str(report.last_host)) == (first, last)
    assert report.host_count == count
    assert (str(report.broadcast) if report.broadcast else None) == broadcast
    if count <= 2:
        assert report.gateway is None


def test_a_netmask_and_a_host_with_a_prefix_are_understood():
    assert calculate("172.16.5.4/255.255.0.0").network == ipaddress.ip_network("172.16.0.0/16")
    report = calculate("192.168.1.77/24")
    assert str(report.address) == "192.168.1.77" and report.prefix_given
    assert str(report.network) == "192.168.1.0/24"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("100.64.1.1", "shared"),
        ("192.0.2.1", "documentation"),
        ("198.51.100.7", "documentation"),
        ("198.18.0.1", "benchmarking"),
        ("127.0.0.1", "loopback"),
        ("169.254.1.1", "link-local"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "broadcast"),
        ("8.8.8.8", "global"),
        ("2001:db8::1", "documentation"),
        ("3fff::1", "documentation"),
        ("fe80::1", "link-local"),
        ("fd00::1", "private"),
        ("ff02::1", "multicast"),
        ("::1", "loopback"),
        ("2606:4700::1111", "global"),
    ],
)
def test_special_ranges_are_flagged(text, flag):
    assert flag in calculate(text).flags


def test_private_addresses_are_not_global_but_anycast_inside_them_is():
    assert "global" not in calculate("10.1.2.3").flags
    assert "global" in calculate("192.0.0.9").flags  # PCP anycast inside 192.0.0.0/24
    assert "global" not in calculate("192.0.0.8").flags


def test_ipv4_mapped_ipv6_shows_the_ipv4_inside():
    report = calculate("::ffff:192.0.2.1")
    assert str(report.mapped_ipv4) == "192.0.2.1"
    assert forms_of(ipaddress.ip_address("192.0.2.1")).ipv4_mapped == "::ffff:c000:201"


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("192.168.1.300", 10, "300 at character 11 is not a number from 0 to 255"),
        ("192.168.x.1", 8, "x at character 9"),
        ("10.0.0.0/33", 9, "/33 at character 10 is not a number from 0 to 32"),
        ("10.0.0.0/255.0.255.0", 9, "netmask whose ones come first"),
        ("1.2.3.4.5", 9, "has 5"),
        ("", -1, "type an address"),
        ("2001:db8::g", 10, "not an IPv6 address"),
    ],
)
def test_bad_input_is_explained_with_its_position(text, position, words):
    with pytest.raises(AddressError) as caught:
        calculate(text)
    assert caught.value.position == position
    assert words in caught.value.message


def test_lenient_forms_are_refused_without_a_reinterpreter():
    with pytest.raises(AddressError, match="octal"):
        calculate("010.1.1.1")


def test_conversions_show_every_form():
    forms = forms_of(ipaddress.ip_address("127.0.0.1"))
    assert forms.integer == 2130706433
    assert forms.hex == "0x7f000001"
    assert forms.binary == "01111111.00000000.00000000.00000001"
    assert forms.packed_repr == r"b'\x7f\x00\x00\x01'"
    assert forms.reverse_pointer == "1.0.0.127.in-addr.arpa"
    for text in (forms.text, str(forms.integer), forms.hex, forms.binary):
        assert parse_form(text) == forms.address
    with pytest.raises(AddressError, match="not an IPv4 address"):
        parse_form("4294967296")


@given(st.integers(0, 2**32 - 1), st.integers(0, 32))
def test_ipv4_networks_agree_with_ipaddress(value, prefix):
    network = ipaddress.IPv4Network((value, prefix), strict=False)
    report = calculate(f"{ipaddress.IPv4Address(value)}/{prefix}")
    assert report.network == network
    assert report.netmask == network.netmask and report.wildcard == network.hostmask
    hosts = list(network.hosts()) if network.num_addresses <= 1024 else None
    if hosts is not None and prefix < 31:
        assert (report.first_host, report.last_host, report.host_count) == (
            hosts[0],
            hosts[-1],
            len(hosts),
        )


@given(st.integers(0, 2**128 - 1), st.integers(0, 128))
def test_ipv6_forms_round_trip(value, prefix):
    address = ipaddress.IPv6Address(value)
    forms = forms_of(address)
    assert parse_form(forms.hex, 6) == address
    assert parse_form(forms.binary, 6) == address
    assert calculate(f"{address}/{prefix}").network == ipaddress.IPv6Network(
        (value, prefix), strict=False
    )


def test_every_special_range_parses_and_has_an_rfc():
    rows = special_ranges()
    assert len(rows) > 40
    assert all(row.rfc.startswith("RFC ") for row in rows)
    assert {Kind.SHARED, Kind.BENCHMARKING, Kind.DOCUMENTATION} <= {row.kind for row in rows}


def test_split_by_prefix_and_by_count():
    network = ipaddress.ip_network("192.168.1.0/24")
    assert [str(n) for n in split(network, new_prefix=26).subnets] == [
        "192.168.1.0/26",
        "192.168.1.64/26",
        "192.168.1.128/26",
        "192.168.1.192/26",
    ]
    assert split(network, count=3).new_prefix == 26
    with pytest.raises(AddressError, match="cannot make 8 subnets"):
        split(ipaddress.ip_network("10.0.0.0/30"), count=8)


def test_absurd_splits_are_refused_with_the_count():
    with pytest.raises(AddressError, match="16,777,216 subnets") as caught:
        split(ipaddress.ip_network("10.0.0.0/8"), new_prefix=32)
    assert f"{MAX_SUBNETS:,}" in caught.value.message


def test_supernet_and_collapse():
    nets = parse_networks(["192.168.0.0/24", "192.168.1.0/24", "192.168.3.7"])
    assert str(common_supernet(nets)) == "192.168.0.0/22"
    assert [str(n) for n in collapse(nets)] == ["192.168.0.0/23", "192.168.3.7/32"]
    with pytest.raises(AddressError, match="no common supernet"):
        common_supernet(parse_networks(["10.0.0.0/8", "::/0"]))


def test_an_address_error_survives_pickling_and_is_not_a_payload_error():
    error = AddressError("not an address at character 3", 2)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is AddressError
    assert (copy.message, copy.position, str(copy)) == (error.message, 2, str(error))
    assert not isinstance(error, PayloadError)  # the editor's handler never takes it
